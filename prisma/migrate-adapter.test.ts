import { describe, expect, it } from "vitest";
import { servePglite } from "@/scripts/pglite-serve";
import { testDatabase } from "@/server/testing/database";
import { migrateAdapter, remapCatalogTypes } from "./migrate-adapter";

// Each workaround in migrate-adapter.ts guards against data loss or a broken migration; these
// tests fail if one is dropped or an upgrade changes the behaviour underneath it.

const database = testDatabase();
const first = async (adapter: { queryRaw(q: { sql: string; args: unknown[]; argTypes: [] }): Promise<{ rows: unknown[][] }> }, sql: string) =>
  (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows[0]?.[0];

describe("migrate adapter", () => {
  it("reports catalog types (name, \"char\", regclass, their arrays) as text", () => {
    const result = { fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 2205 }, { dataTypeID: 1003 }, { dataTypeID: 23 }] };
    expect(remapCatalogTypes(result).fields.map((f) => f.dataTypeID)).toEqual([25, 25, 25, 1009, 23]);
  });

  it("runs a migration script with a DO $$ block as one statement, all or nothing", async () => {
    const served = await servePglite("memory://");
    try {
      const adapter = await migrateAdapter(served.url).connect();
      await adapter.executeScript("CREATE TABLE t (x int); DO $$ BEGIN INSERT INTO t VALUES (1); END $$; INSERT INTO t VALUES (2);");
      expect(Number(await first(adapter, "SELECT sum(x) FROM t"))).toBe(3);
      await expect(adapter.executeScript("INSERT INTO t VALUES (3); SELECT * FROM missing_table;")).rejects.toThrow();
      expect(Number(await first(adapter, "SELECT count(*) FROM t"))).toBe(2);
      await adapter.dispose();
    } finally {
      await served.close();
    }
  });

  it("gives an embedded database a separate in-memory shadow database", async () => {
    const served = await servePglite("memory://");
    try {
      const main = await migrateAdapter(served.url).connect();
      await main.executeScript("CREATE TABLE keep_me (x int)");
      const shadow = await migrateAdapter(served.url).connectToShadowDb();
      await shadow.executeScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await shadow.dispose();
      expect(Number(await first(main, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'keep_me'"))).toBe(1);
      await main.dispose();
    } finally {
      await served.close();
    }
  });

  it.runIf(database.kind === "postgres")("puts the shadow database of a server beside the main one and drops it afterwards", async () => {
    const url = database.kind === "postgres" ? database.url : "";
    const main = await migrateAdapter(url).connect();
    const shadow = await migrateAdapter(url).connectToShadowDb();
    const shadowName = String(await first(shadow, "SELECT current_database()::text"));
    expect(shadowName).toMatch(/^prisma_shadow_[0-9a-f]{32}$/);
    expect(shadowName).not.toBe(new URL(url).pathname.slice(1));
    await shadow.dispose();
    expect(Number(await first(main, `SELECT count(*) FROM pg_database WHERE datname = '${shadowName}'`))).toBe(0);
    await main.dispose();
  });
});
