// A fresh database per run, so numbers never depend on what a developer's database contains:
// a new database on the DATABASE_URL server (dropped afterwards), or a temporary PGlite folder.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase } from "@/server/testing/postgres-admin";
import { onCleanup } from "./cleanup";
import { sleep } from "./process";

export type BenchDatabase = {
  kind: "postgres" | "pglite";
  /** Database name or PGlite folder, for the report. */
  label: string;
  /** Environment for `npm start`: exactly one of DATABASE_URL / PGLITE_DIR. */
  env: { DATABASE_URL: string } | { PGLITE_DIR: string };
  /** Committed + rolled-back transactions of the bench database so far; null when not observable. */
  transactions(): Promise<number | null>;
};

export async function prepareDatabase(stamp: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = path.join(tmpdir(), `vouchsafe-bench-${stamp}`);
    onCleanup("remove PGlite folder", () => rmSync(dir, { recursive: true, force: true }));
    // PGlite runs inside the server process: nothing outside it can count its statements.
    return { kind: "pglite", label: dir, env: { PGLITE_DIR: dir }, transactions: async () => null };
  }

  const name = `vouchsafe_bench_${stamp}`;
  const url = await createDatabase(serverUrl, name);
  onCleanup(`drop database ${name}`, () => dropDatabase(url));

  // Statistics are read from the server's `postgres` database, so that the reads themselves do not
  // add transactions to the bench database.
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  onCleanup("close statistics connection", () => admin.end());

  return {
    kind: "postgres",
    label: name,
    env: { DATABASE_URL: url },
    async transactions() {
      // Backends publish their counters at most once per second (PostgreSQL 15+ shared-memory
      // statistics), also when they go idle: wait until the app's last transactions are visible.
      await sleep(2_000);
      const { rows } = await admin.query<{ n: string }>(
        "SELECT coalesce(sum(xact_commit + xact_rollback), 0)::text AS n FROM pg_stat_database WHERE datname = $1",
        [name],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
