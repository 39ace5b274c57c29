import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb } from "./client";

// A backstop for the backstop: a new tenant-owned table without a FORCE'd policy would be readable
// across tenants by any query that forgot its tenant scope. This reads the catalogue, so a table
// added by a later migration is checked without anyone remembering to list it.
connectTestDatabase();
afterAll(closeDb);

/** Tables with a tenant_id column that are deliberately readable without a tenant context. */
const NOT_TENANT_OWNED = new Set<string>([]);

describe("row-level security coverage", () => {
  it("forces a policy on every table that has a tenant_id column", async () => {
    const db = await getDb();
    const rows = await db.$queryRaw<Array<{ table: string; enabled: boolean; forced: boolean; policies: number }>>`
      SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      ORDER BY c.relname`;
    const tenantTables = rows.filter((row) => !NOT_TENANT_OWNED.has(row.table));
    // The schema has (at least) the measures, accounts, publishing and attestation tables.
    expect(tenantTables.length).toBeGreaterThanOrEqual(22);
    const unprotected = tenantTables.filter((row) => !row.enabled || !row.forced || Number(row.policies) === 0).map((row) => row.table);
    expect(unprotected).toEqual([]);
  });

  it("runs the app as a role that neither bypasses row-level security nor is a superuser", async () => {
    const db = await getDb();
    const [role] = await db.$queryRaw<Array<{ super: boolean; bypass: boolean }>>`SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = 'app_user'`;
    expect(role).toEqual({ super: false, bypass: false });
  });
});
