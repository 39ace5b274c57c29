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

/**
 * The demo data, written once before any test file runs: files may rely on the demo tenants and
 * accounts, and create their own tenants, without depending on the order the files run in.
 */
async function seedOnce(database: TestDatabase) {
  if (database.kind === "postgres") {
    process.env.DATABASE_URL = database.url;
    delete process.env.PGLITE_DIR;
  } else {
    process.env.PGLITE_DIR = database.dir;
  }
  const { closeDb, connectAsOwner } = await import("@/server/db/client");
  const { seedDemoData } = await import("@/prisma/seed/seed-demo");
  connectAsOwner();
  try {
    if (!(await seedDemoData())) throw new Error("the fresh test database was not empty");
  } finally {
    // PGlite: one process per folder, and the test files open it next.
    await closeDb();
    if (serverUrlBackup !== undefined) process.env.DATABASE_URL = serverUrlBackup;
  }
}

let serverUrlBackup: string | undefined;

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  serverUrlBackup = serverUrl;
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
  await seedOnce(database);
  console.log(`[test] ${database.kind === "postgres" ? "PostgreSQL server" : "embedded PGlite"} database migrated and seeded in ${Date.now() - started} ms`);
  project.provide("testDatabase", database);
  return cleanup;
}
