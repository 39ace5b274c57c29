// Points the app's database client at the run's test database. Call at the top of a test file,
// before anything calls getDb(); close it in afterAll (PGlite: one open process per folder).
import { inject } from "vitest";
import { connectAsOwner } from "../db/client";
import type { TestDatabase } from "./global-setup";

/** This worker's database: files run two at a time (vitest.config.ts), each worker on its own copy. */
export function testDatabase(): TestDatabase {
  const databases = inject("testDatabases");
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  const database = databases[worker - 1];
  if (!database) throw new Error(`no test database for worker ${worker} (of ${databases.length})`);
  return database;
}

/**
 * `role: "owner"` (default) for tests that write fixtures directly; `"app"` for tests of what the
 * running app may do, which then see exactly what row-level security and grants allow.
 */
export function connectTestDatabase({ role = "owner" }: { role?: "owner" | "app" } = {}) {
  if (role === "owner") connectAsOwner();
  const database = testDatabase();
  if (database.kind === "postgres") {
    process.env.DATABASE_URL = database.url;
    delete process.env.PGLITE_DIR;
  } else {
    process.env.PGLITE_DIR = database.dir;
    delete process.env.DATABASE_URL;
  }
  return database;
}
