import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../db/client";
import { recordAudit } from "./record";
import { AUDIT_PAGE_SIZE, auditEventBatches, listAuditEvents } from "./queries";

// What a tenant's console reads: row-level security (as app_user) decides the rows, the filter and
// the pages narrow them. Fixtures are written as the owner.

connectTestDatabase();
afterAll(closeDb);

const meta = { ip: "198.51.100.1", userAgent: "vitest", requestId: "req-q" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const uniq = () => randomUUID().slice(0, 8);

async function newTenant() {
  const db = await getDb();
  const slug = `audit-q-${uniq()}`;
  return (await db.tenant.create({ data: { slug, name: slug } })).id;
}

async function newUser(tag: string) {
  const db = await getDb();
  return db.user.create({ data: { email: `${tag}-${uniq()}@example.com` } });
}

async function record(tenantId: string | null, action: string, actor: { id: string | null; email: string }) {
  const db = await getDb();
  // The owner connection writes platform events; tenant events go through the tenant context as the app does.
  if (tenantId) await withTenant(tenantId, (tx) => recordAudit(tx, { tenantId, actor, action, meta }));
  else await db.$transaction((tx) => recordAudit(tx, { tenantId: null, actor, action, meta }));
}

describe("what a tenant context may read", () => {
  let tenantA: string;
  let staffEmail: string;
  let lateEmail: string;

  beforeAll(async () => {
    const db = await getDb();
    tenantA = await newTenant();
    const tenantB = await newTenant();
    const staff = await newUser("staff");
    const outsider = await newUser("outsider");
    const late = await newUser("late");
    staffEmail = staff.email;
    lateEmail = late.email;
    await db.membership.create({ data: { tenantId: tenantA, userId: staff.id, roles: ["ADMIN"] } });
    await record(null, "auth.signin.succeeded", { id: late.id, email: late.email }); // before joining A
    await sleep(10);
    await db.membership.create({ data: { tenantId: tenantA, userId: late.id, roles: ["LEGAL_EDITOR"] } });
    await sleep(10);
    await record(tenantA, "member.invited", { id: staff.id, email: staff.email });
    await record(tenantA, "settings.updated", { id: staff.id, email: staff.email });
    await record(tenantB, "member.invited", { id: outsider.id, email: outsider.email });
    await record(null, "auth.signin.succeeded", { id: staff.id, email: staff.email });
    await record(null, "auth.signin.succeeded", { id: outsider.id, email: outsider.email });
    await record(null, "auth.signin.succeeded", { id: late.id, email: late.email }); // after joining A
  });

  it("sees its own chain and its staff's sign-ins since they joined, nothing of other tenants or users", async () => {
    const seen = await withTenant(tenantA, (tx) => tx.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { tenantId: true, action: true, actorEmail: true } }));
    expect(seen).toEqual([
      { tenantId: tenantA, action: "member.invited", actorEmail: staffEmail },
      { tenantId: tenantA, action: "settings.updated", actorEmail: staffEmail },
      { tenantId: null, action: "auth.signin.succeeded", actorEmail: staffEmail },
      { tenantId: null, action: "auth.signin.succeeded", actorEmail: lateEmail },
    ]);
  });

  it("sees nothing outside a tenant context", async () => {
    const db = await getDb();
    const count = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'app_user', true)`;
      return tx.auditEvent.count();
    });
    expect(count).toBe(0);
  });

  it("cannot append an event to another tenant's chain", async () => {
    const other = await newTenant();
    const db = await getDb();
    const forged = withTenant(tenantA, (tx) => recordAudit(tx, { tenantId: other, actor: { id: null, email: "x@example.com" }, action: "test.forged", meta }));
    // Through PGlite's adapter Prisma keeps the database's message only in error.meta.
    const error = await forged.then(() => null, (e: { message: string; meta?: unknown }) => `${e.message} ${JSON.stringify(e.meta ?? {})}`);
    expect(error).toMatch(/row-level security policy for table "audit_events"/);
    expect(await db.auditEvent.count({ where: { tenantId: other } })).toBe(0);
  });
});

describe("listAuditEvents", () => {
  let tenant: string;

  beforeAll(async () => {
    tenant = await newTenant();
    await record(tenant, "member.invited", { id: null, email: "anna_b@example.com" });
    await record(tenant, "member.removed", { id: null, email: "annaxb@example.com" });
    await record(tenant, "members.exported", { id: null, email: "ben@example.com" });
    await record(tenant, "settings.updated", { id: null, email: "ANNA_B@example.com" });
  });

  const actions = async (filter: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(tenant, filter, 1)).events.map((e) => e.action);

  it("lists newest first in the tenant's time zone", async () => {
    const page = await listAuditEvents(tenant, {}, 1);
    expect(page.events.map((e) => e.action)).toEqual(["settings.updated", "members.exported", "member.removed", "member.invited"]);
    expect(page).toMatchObject({ page: 1, hasNext: false, timeZone: "Europe/Berlin" });
  });

  it("filters by actor email containing the text literally, ignoring case (an underscore is no wildcard)", async () => {
    expect(await actions({ actor: "anna_b" })).toEqual(["settings.updated", "member.invited"]);
    expect(await actions({ actor: "anna" })).toEqual(["settings.updated", "member.removed", "member.invited"]);
    expect(await actions({ actor: "%" })).toEqual([]);
  });

  it("filters by exact action, or by prefix when the filter ends with a dot", async () => {
    expect(await actions({ action: "member.removed" })).toEqual(["member.removed"]);
    expect(await actions({ action: "member." })).toEqual(["member.removed", "member.invited"]);
    expect(await actions({ action: "member" })).toEqual([]);
    expect(await actions({ action: "member.", actor: "annax" })).toEqual(["member.removed"]);
  });

  it("filters by calendar days in the tenant's time zone, both ends inclusive", async () => {
    const dated = await newTenant();
    const instants = ["2026-05-31T21:59:59.999Z", "2026-05-31T22:00:00.000Z", "2026-06-01T21:59:59.999Z", "2026-06-01T22:00:00.000Z"];
    for (const [i] of instants.entries()) await record(dated, `test.at_${i}`, { id: null, email: "clock@example.com" });
    const db = await getDb();
    // Backdating breaks the hashes of this throwaway chain; here only the times matter.
    for (const [i, at] of instants.entries()) await db.$executeRaw`UPDATE audit_events SET created_at = ${new Date(at)} WHERE chain = ${dated} AND seq = ${i + 1}`;
    const on = async (filter: { from?: string; to?: string }) => (await listAuditEvents(dated, filter, 1)).events.map((e) => e.action);
    expect(await on({ from: "2026-06-01", to: "2026-06-01" })).toEqual(["test.at_2", "test.at_1"]);
    expect(await on({ from: "2026-06-02" })).toEqual(["test.at_3"]);
    expect(await on({ to: "2026-05-31" })).toEqual(["test.at_0"]);
  });

  it("pages by 50 and streams every row in batches in the same order", async () => {
    const busy = await newTenant();
    const db = await getDb();
    await db.auditEvent.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ tenantId: busy, action: `test.n_${i + 1}`, actorEmail: "bulk@example.com" })) });
    const first = await listAuditEvents(busy, {}, 1);
    const second = await listAuditEvents(busy, {}, 2);
    const third = await listAuditEvents(busy, {}, 3);
    expect(AUDIT_PAGE_SIZE).toBe(50);
    expect([first.events.length, first.hasNext, second.events.length, second.hasNext, third.events.length]).toEqual([50, true, 5, false, 0]);
    const listed = [...first.events, ...second.events].map((e) => e.action);
    expect(listed[0]).toBe("test.n_55");
    expect(listed.at(-1)).toBe("test.n_1");
    const batches: string[][] = [];
    for await (const batch of auditEventBatches(busy, {}, 20)) batches.push(batch.map((e) => e.action));
    expect(batches.map((b) => b.length)).toEqual([20, 20, 15]);
    expect(batches.flat()).toEqual(listed);
  });
});
