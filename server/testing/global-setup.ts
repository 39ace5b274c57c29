// Vitest global setup: one fresh, migrated and seeded database per test run, copied once for each
// further worker, so test files run two at a time without sharing a database:
//   DATABASE_URL set -> new databases on that PostgreSQL server (copies made with CREATE DATABASE
//                       … TEMPLATE; all dropped afterwards);
//   otherwise        -> new embedded PGlite folders (copied folder; removed afterwards).
// A worker reaches its own through testDatabase() in server/testing/database.ts.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "@/scripts/migrate";
import { copyDatabase, createDatabase, dropDatabase } from "./postgres-admin";

export type TestDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker: entry i belongs to the worker whose VITEST_POOL_ID is i + 1. */
    testDatabases: TestDatabase[];
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
  const workers = Math.max(1, project.globalConfig.maxWorkers);
  let database: TestDatabase;
  const databases: TestDatabase[] = [];
  let temporary: string | undefined;
  if (serverUrl) {
    database = { kind: "postgres", url: await createDatabase(serverUrl, `vouchsafe_test_${Date.now()}_${process.pid}`) };
  } else {
    temporary = mkdtempSync(path.join(tmpdir(), "vouchsafe-test-"));
    database = { kind: "pglite", dir: path.join(temporary, "pglite-1") };
  }
  databases.push(database);
  const cleanup = async () => {
    for (const db of databases) if (db.kind === "postgres") await dropDatabase(db.url);
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    await migrate(database, { quiet: true });
    await seedOnce(database);
    // Copies of the seeded database (nothing has it open now): a worker's files never see another worker's rows.
    for (let worker = 2; worker <= workers; worker++) {
      if (database.kind === "postgres") databases.push({ kind: "postgres", url: await copyDatabase(database.url, `${new URL(database.url).pathname.slice(1)}_w${worker}`) });
      else {
        const dir = path.join(temporary!, `pglite-${worker}`);
        cpSync(database.dir, dir, { recursive: true });
        databases.push({ kind: "pglite", dir });
      }
    }
    const where = database.kind === "postgres" ? "PostgreSQL server" : "embedded PGlite";
    console.log(`[test] ${where} database migrated and seeded for ${workers} ${workers === 1 ? "worker" : "workers"} in ${Date.now() - started} ms`);
  } catch (error) {
    await cleanup();
    throw error;
  }
  project.provide("testDatabases", databases);
  return cleanup;
}
