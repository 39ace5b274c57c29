// Applies committed migrations to the configured database (PGlite folder or PostgreSQL server).
// `prisma migrate deploy` (WASM schema engine) idles ~10 s after taking its advisory lock, while
// `migrate status` answers in ~1.5 s and exits 0 only when nothing is pending: check first.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { dbMode, type DbMode } from "../server/db/mode";
import { servePglite } from "./pglite-serve";
import { run } from "./run";

const prismaBin = path.resolve("node_modules/.bin/prisma");

export async function migrate(mode: DbMode = dbMode(), { quiet = false } = {}) {
  const served = mode.kind === "pglite" ? await servePglite(mode.dir) : undefined;
  const url = served?.url ?? (mode.kind === "postgres" ? mode.url : "");
  const env = { ...process.env, DATABASE_URL: url, MIGRATE_DATABASE_URL: served ? url : (process.env.MIGRATE_DATABASE_URL ?? url) };
  try {
    // `status` exits non-zero whenever migrations are pending, so its output is noise here.
    if ((await run(prismaBin, ["migrate", "status"], env, "silent")) === 0) return;
    const code = await run(prismaBin, ["migrate", "deploy"], env, quiet ? "on-failure" : "inherit");
    if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`);
  } finally {
    await served?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await migrate();
}
