// The driver adapter the Prisma CLI uses for migrations (prisma.config.ts, `engine: "js"`).
// It is imported by the CLI only, never by the app. @prisma/adapter-pg 6.19.3 has four problems
// when Migrate drives it; each fix below is covered by prisma/migrate-adapter.test.ts:
//  1. catalog types ("char", name, regproc, ...) cannot be deserialized, so introspection fails;
//     we report them to Prisma as text.
//  2. connectToShadowDb() given a connection string connects to the MAIN database (the URL's
//     database wins over the `database` option): Migrate would reset real data. We pass discrete
//     options and verify current_database() before using the shadow database.
//  3. the shadow database is dropped before its pool is closed; we close first, then drop.
//  4. executeScript() splits migration.sql on ";" which breaks DO $$ ... $$ blocks and functions;
//     we send the whole script as one simple-protocol query (an implicit transaction).
// PGlite has a single database, so its shadow is a throwaway in-memory PGlite instead.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
// "char" name int2vector regproc xid oidvector pg_node_tree regclass, and their array types
const CATALOG_TYPES = new Map<number, number>([
  [18, TEXT], [19, TEXT], [22, TEXT], [24, TEXT], [28, TEXT], [30, TEXT], [194, TEXT], [2205, TEXT],
  [1002, TEXT_ARRAY], [1003, TEXT_ARRAY], [1006, TEXT_ARRAY], [1008, TEXT_ARRAY], [1011, TEXT_ARRAY], [1013, TEXT_ARRAY],
]);

export function remapCatalogTypes<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | null)?.fields;
  for (const field of fields ?? []) field.dataTypeID = CATALOG_TYPES.get(field.dataTypeID) ?? field.dataTypeID;
  return result;
}

type QueryFn = (...args: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: QueryFn; __catalogTypesPatched?: boolean };
if (!clientProto.__catalogTypesPatched) {
  clientProto.__catalogTypesPatched = true;
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : remapCatalogTypes(res));
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    return result instanceof Promise ? result.then(remapCatalogTypes) : result;
  };
}

export function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    allowExitOnIdle: true, // otherwise the CLI waits for pg's idle timeout before exiting
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runScriptsWhole(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error); // rethrows as a DriverAdapterError
    }
  };
  return adapter;
}

function afterDispose(adapter: Adapter, cleanup: () => Promise<void>): Adapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}

async function firstValue(adapter: Adapter, sql: string): Promise<string> {
  const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
  return String(result.rows[0]?.[0]);
}

class MigrationAdapter extends PrismaPg {
  constructor(private readonly poolOptions: pg.PoolConfig) {
    super(poolOptions);
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    if (/PGlite|wasm32/.test(await firstValue(main, "SELECT version()"))) {
      await main.dispose();
      return this.inMemoryPgliteShadow();
    }
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsWhole(await new PrismaPg({ ...this.poolOptions, database }).connect());
    const connectedTo = await firstValue(shadow, "SELECT current_database()::text");
    if (connectedTo !== database) {
      await shadow.dispose();
      await main.dispose();
      throw new Error(`Shadow database isolation failed: connected to "${connectedTo}", expected "${database}".`);
    }
    return afterDispose(shadow, async () => {
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    });
  }

  private async inMemoryPgliteShadow() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = new PGlite("memory://");
    await db.waitReady;
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    const shadow = runScriptsWhole(
      await new PrismaPg({ ...this.poolOptions, host: "127.0.0.1", port, database: "postgres" }).connect(),
    );
    return afterDispose(shadow, async () => {
      await server.stop();
      await db.close();
    });
  }
}

export function migrateAdapter(url: string) {
  return new MigrationAdapter(poolConfig(url));
}
