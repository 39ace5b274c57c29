import "server-only";
import PgBoss from "pg-boss";
import { embeddedDatabase } from "../db/client";
import { dbMode } from "../db/mode";
import { env } from "../env";

// pg-boss on either database. Its schema is created by our migrations as the owner
// (prisma/migrations/20261128061000_sub_outbox_worker), so it starts with migrate: false and only
// checks the version. On a PostgreSQL server it has its own small pool, logged in with the app's
// DATABASE_URL and running as app_user like the app. On the embedded PGlite the app process owns
// the one instance, so pg-boss's statements go through it: PGlite runs each query, script and
// transaction exclusively, so none lands inside one of the app's transactions.

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

async function pgliteExecutor(): Promise<Executor> {
  const pglite = await embeddedDatabase();
  if (!pglite) throw new Error("the embedded database is not open");
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return pglite.query(text, values);
      // pg-boss's maintenance scripts carry their own BEGIN ... COMMIT. Run inside PGlite's
      // transaction so that a failing script is rolled back before anything else runs on the one
      // connection (a plain exec would leave it in an aborted transaction for the app).
      const results = await pglite.transaction((tx) => tx.exec(text));
      return results.at(-1) ?? { rows: [] };
    },
  };
}

export async function createJobEngine(): Promise<PgBoss> {
  const timeout = env().OUTBOX_JOB_TIMEOUT_SECONDS;
  const common = {
    schema: "pgboss",
    migrate: false,
    // Active jobs of a dead worker are failed (and retried) this long after their timeout.
    maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.floor(timeout / 4))),
  } as const;
  const mode = dbMode();
  if (mode.kind === "pglite") return new PgBoss({ ...common, db: await pgliteExecutor() } as PgBoss.ConstructorOptions);
  return new PgBoss({
    ...common,
    connectionString: mode.url,
    max: 4,
    application_name: "vouchsafe-worker",
    // Like the app's own pool: every connection runs as app_user from its first statement.
    options: "-c role=app_user",
  } as PgBoss.ConstructorOptions);
}
