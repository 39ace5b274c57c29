// A database of one's own for a test file whose subject reads across the whole database — the
// outbox worker relays every tenant's due messages, so in the run's shared database it would work
// through what every other test file left behind before reaching its own message. Same kind as the
// run's database (a new database on the PostgreSQL server, or a new PGlite folder), migrated, empty.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { testDatabase } from "./database";
import { migrate } from "@/scripts/migrate";
import { createDatabase, dropDatabase } from "./postgres-admin";
import type { TestDatabase } from "./global-setup";

/** Call in beforeAll, before anything opens the database; points the app's client at the new one. */
export async function openFreshTestDatabase(): Promise<{ database: TestDatabase; drop: () => Promise<void> }> {
  const shared = testDatabase();
  let database: TestDatabase;
  let drop: () => Promise<void>;
  if (shared.kind === "postgres") {
    const url = await createDatabase(shared.url, `vouchsafe_fresh_${Date.now()}_${process.pid}`);
    database = { kind: "postgres", url };
    drop = () => dropDatabase(url);
    process.env.DATABASE_URL = url;
    delete process.env.PGLITE_DIR;
  } else {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "vouchsafe-fresh-")), "pglite");
    database = { kind: "pglite", dir };
    drop = async () => rmSync(path.dirname(dir), { recursive: true, force: true });
    process.env.PGLITE_DIR = dir;
    delete process.env.DATABASE_URL;
  }
  await migrate(database, { quiet: true });
  return { database, drop };
}
