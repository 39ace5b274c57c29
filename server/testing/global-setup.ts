// Vitest global setup: one fresh, migrated database per test run.
//   DATABASE_URL set -> a new database on that PostgreSQL server (dropped afterwards);
//   otherwise        -> a new embedded PGlite folder (removed afterwards).
// Tests reach it through inject("testDatabase") and server/testing/database.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "@/scripts/migrate";
import { createDatabase, dropDatabase } from "./postgres-admin";

export type TestDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  let database: TestDatabase;
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const url = await createDatabase(serverUrl, `vouchsafe_test_${Date.now()}_${process.pid}`);
    database = { kind: "postgres", url };
    cleanup = () => dropDatabase(url);
  } else {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "vouchsafe-test-")), "pglite");
    database = { kind: "pglite", dir };
    cleanup = async () => rmSync(path.dirname(dir), { recursive: true, force: true });
  }
  const started = Date.now();
  await migrate(database.kind === "postgres" ? database : { kind: "pglite", dir: database.dir }, { quiet: true });
  console.log(`[test] ${database.kind === "postgres" ? "PostgreSQL server" : "embedded PGlite"} database migrated in ${Date.now() - started} ms`);
  project.provide("testDatabase", database);
  return cleanup;
}
