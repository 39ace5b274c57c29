// Points the app's database client at the run's test database. Call at the top of a test file,
// before anything calls getDb(); close it in afterAll (PGlite: one open process per folder).
import { inject } from "vitest";
import { connectAsOwner } from "../db/client";

/**
 * `role: "owner"` (default) for tests that write fixtures directly; `"app"` for tests of what the
 * running app may do, which then see exactly what row-level security and grants allow.
 */
export function connectTestDatabase({ role = "owner" }: { role?: "owner" | "app" } = {}) {
  if (role === "owner") connectAsOwner();
  const database = inject("testDatabase");
  if (database.kind === "postgres") {
    process.env.DATABASE_URL = database.url;
    delete process.env.PGLITE_DIR;
  } else {
    process.env.PGLITE_DIR = database.dir;
    delete process.env.DATABASE_URL;
  }
  return database;
}
