import path from "node:path";
import { env } from "../env";

export type DbMode = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

/** PGLITE_DIR wins; otherwise DATABASE_URL means a PostgreSQL server; otherwise embedded PGlite. */
export function dbMode(): DbMode {
  const { PGLITE_DIR, DATABASE_URL } = env();
  if (!PGLITE_DIR && DATABASE_URL) return { kind: "postgres", url: DATABASE_URL };
  const dir = PGLITE_DIR ?? ".data/pglite";
  return { kind: "pglite", dir: dir.includes("://") ? dir : path.resolve(/* turbopackIgnore: true */ process.cwd(), dir) };
}
