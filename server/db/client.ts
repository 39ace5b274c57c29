// The one Prisma client (engineType "client" + a driver adapter):
//   PostgreSQL server via @prisma/adapter-pg when DATABASE_URL is set, embedded PGlite otherwise.
// Opened lazily on first use, never at import time, so `next build` workers never open the PGlite
// folder. One instance per process through globalThis (dev reloads, duplicated route bundles):
// two PGlite instances on one folder would corrupt it.
import { mkdirSync } from "node:fs";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import type { PGlite as PGliteInstance } from "@electric-sql/pglite";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
import { env } from "../env";
import { dbMode } from "./mode";
import { lockPgliteDir } from "./pglite-lock";

/**
 * Who the process talks to the database as. The app runs as the unprivileged `app_user` role
 * (no BYPASSRLS, no UPDATE/DELETE on the audit log), whatever role it logs in with; migrations,
 * the seed and operator scripts (audit:verify, tenant:create) need the owner and say so before
 * their first query with `connectAsOwner()`.
 */
let role: "app" | "owner" = "app";
export function connectAsOwner() {
  if (holder.__vouchsafeDb) throw new Error("connectAsOwner() must be called before the database is opened");
  role = "owner";
}

async function openClient() {
  const mode = dbMode();
  let adapter: AdapterFactory;
  let closeDriver = async () => {};
  if (mode.kind === "pglite") {
    if (!mode.dir.includes("://")) mkdirSync(mode.dir, { recursive: true });
    // Imported dynamically: a PostgreSQL deployment never loads the PGlite wasm.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGliteAdapter } = await import("./pglite-adapter");
    const unlock = lockPgliteDir(mode.dir, `app pid ${process.pid}`);
    const pglite = new PGlite(mode.dir);
    await pglite.waitReady;
    // One connection for the whole process, so a session-level SET ROLE covers every query.
    if (role === "app") await pglite.exec("SET ROLE app_user");
    adapter = new PGliteAdapter(pglite) as unknown as AdapterFactory;
    holder.__vouchsafePglite = pglite;
    closeDriver = async () => {
      holder.__vouchsafePglite = undefined;
      await pglite.close();
      unlock();
    };
  } else {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    adapter = new PrismaPg(
      {
        connectionString: mode.url,
        max: env().DB_POOL_MAX,
        // Every pooled connection runs as app_user from its first statement.
        ...(role === "app" ? { options: "-c role=app_user" } : {}),
      },
      // A server restart must not crash the process through an unhandled 'error' on an idle client.
      {
        onPoolError: (error) => console.error("[db] pool error", error.message),
        onConnectionError: (error) => console.error("[db] connection error", error.message),
      },
    );
  }
  const client = new PrismaClient({ adapter });
  return Object.assign(client, { $closeDriver: closeDriver });
}

export type Db = Awaited<ReturnType<typeof openClient>>;
export type Tx = Prisma.TransactionClient;
const holder = globalThis as unknown as { __vouchsafeDb?: Promise<Db>; __vouchsafePglite?: PGliteInstance };

/**
 * The embedded database's single PGlite instance, or undefined on a PostgreSQL server. The job
 * engine (server/outbox/worker.ts) runs its statements on it: PGlite serialises them with the
 * app's transactions, so none runs inside another.
 */
export async function embeddedDatabase(): Promise<PGliteInstance | undefined> {
  await getDb();
  return holder.__vouchsafePglite;
}

export function getDb(): Promise<Db> {
  return (holder.__vouchsafeDb ??= openClient().catch((error) => {
    holder.__vouchsafeDb = undefined;
    throw error;
  }));
}

export async function closeDb() {
  const pending = holder.__vouchsafeDb;
  if (!pending) return;
  holder.__vouchsafeDb = undefined;
  const db = await pending;
  await db.$disconnect();
  await db.$closeDriver();
}

/** Runs `fn` in a transaction in which row-level security sees this user's own rows (memberships). */
export async function withUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true), set_config('role', 'app_user', true)`;
    return fn(tx);
  });
}

/**
 * Runs `fn` in a transaction bound to one tenant: row-level security sees app.tenant_id, and the
 * statements run as the unprivileged app_user role (the PGlite user and a migration owner are
 * superusers, for whom RLS would not apply). One round trip sets both.
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: TransactionLimits): Promise<T> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'app_user', true)`;
    return fn(tx);
  }, options);
}

/**
 * Prisma's interactive-transaction limits (defaults: 2 s to get a connection, 5 s to finish). A
 * transaction that renders a document (an attestation letter's PDF) asks for more time.
 */
export interface TransactionLimits {
  maxWait?: number;
  timeout?: number;
}

/**
 * Runs `fn` as the delivery worker: row-level security lets it read and update the outbox and the
 * delivery logs of every tenant (app.worker), nothing else. Tenant data the worker needs for one
 * message is read with withTenant(message.tenantId, ...).
 */
export async function withWorker<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.worker', 'on', true), set_config('role', 'app_user', true)`;
    return fn(tx);
  });
}
