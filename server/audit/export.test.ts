import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import type { TenantAccess } from "../auth/guard";
import { closeDb, getDb, withTenant } from "../db/client";
import { AUDIT_CSV_COLUMNS, auditCsvFilename, auditCsvStream, recordAuditExport } from "./export";
import { recordAudit } from "./record";

// The CSV export: every matching row, formula cells neutralised, and the export itself audited
// in the tenant's chain with the filter it used.

connectTestDatabase();
afterAll(closeDb);

const meta = { ip: "192.0.2.10", userAgent: "vitest", requestId: "req-export" };

async function newTenant() {
  const db = await getDb();
  const slug = `audit-x-${randomUUID().slice(0, 8)}`;
  return db.tenant.create({ data: { slug, name: slug }, select: { id: true, slug: true, name: true } });
}

/** The bytes as text, BOM included (Response.text() would drop it). */
async function csvOf(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("audit CSV export", () => {
  it("writes a BOM, the header row and one CRLF line per matching event, newest first, formulas neutralised", async () => {
    const tenant = await newTenant();
    const record = (action: string, email: string, target?: { type: string; id: string }) =>
      withTenant(tenant.id, (tx) => recordAudit(tx, { tenantId: tenant.id, actor: { id: null, email, roles: ["ADMIN"] }, action, target, data: { note: "a, b" }, meta }));
    await record("member.invited", "=HYPERLINK(\"http://evil.example\")@example.com", { type: "invitation", id: "inv-1" });
    await record("member.removed", "admin@example.com", { type: "membership", id: "+m-2" });
    await record("settings.updated", "admin@example.com");

    const csv = await csvOf(auditCsvStream(tenant.id, { action: "member." }, ["A", "B"]));
    const lines = csv.split("\r\n");
    expect(csv.startsWith("\uFEFFA,B\r\n")).toBe(true);
    expect(lines).toHaveLength(4); // header, two events, and the empty string after the last CRLF
    expect(lines[3]).toBe("");
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,admin@example\.com,ADMIN,member\.removed,membership,'\+m-2,192\.0\.2\.10,vitest,req-export,"\{""note"":""a, b""\}"$/);
    expect(lines[2]).toMatch(/,"'=HYPERLINK\(""http:\/\/evil\.example""\)@example\.com",ADMIN,member\.invited,invitation,inv-1,/);
  });

  it("exports nothing of another tenant, only the header when nothing matches", async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    await withTenant(other.id, (tx) => recordAudit(tx, { tenantId: other.id, actor: { id: null, email: "x@example.com" }, action: "member.invited", meta }));
    expect(await csvOf(auditCsvStream(tenant.id, {}, ["A"]))).toBe("\uFEFFA\r\n");
  });

  it("records the export with the filter in the tenant's chain", async () => {
    const tenant = await newTenant();
    const db = await getDb();
    const user = await db.user.create({ data: { email: `exporter-${randomUUID().slice(0, 8)}@example.com` } });
    const access = { tenant, roles: ["OWNER"], session: { user: { id: user.id, email: user.email } } } as unknown as TenantAccess;
    await recordAuditExport(access, { action: "member.", from: "2026-01-01", actor: undefined }, meta);
    const events = await db.auditEvent.findMany({ where: { chain: tenant.id }, select: { seq: true, action: true, actorId: true, actorEmail: true, actorRoles: true, data: true, requestId: true } });
    expect(events).toEqual([
      { seq: 1, action: "audit.exported", actorId: user.id, actorEmail: user.email, actorRoles: ["OWNER"], data: { filter: { action: "member.", from: "2026-01-01" } }, requestId: "req-export" },
    ]);
  });

  it("names the file after the tenant and the day, with one localized header per column", () => {
    expect(auditCsvFilename("mpmx", "2026-11-28")).toBe("audit-log-mpmx-2026-11-28.csv");
    expect(AUDIT_CSV_COLUMNS).toEqual(["time", "actor", "roles", "action", "targetType", "targetId", "ip", "userAgent", "requestId", "data"]);
  });
});
