import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../db/client";
import { recordAudit } from "./record";
import { verifyAuditChains } from "./verify";

// The chain as the trigger builds it through recordAudit, and what verifyAuditChains reports after
// the owner changes rows behind the app's back. Each test uses its own tenant (its own chain), so
// the tests do not depend on each other's tampering.

connectTestDatabase();
afterAll(closeDb);

const meta = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-1" };

async function newTenant(): Promise<string> {
  const db = await getDb();
  const slug = `audit-${randomUUID().slice(0, 8)}`;
  return (await db.tenant.create({ data: { slug, name: slug } })).id;
}

async function appendEvents(tenantId: string, count: number) {
  for (let i = 1; i <= count; i++) {
    await withTenant(tenantId, (tx) =>
      recordAudit(tx, { tenantId, actor: { id: null, email: "owner@example.com", roles: ["OWNER"] }, action: `test.event_${i}`, data: { i }, meta }),
    );
  }
}

async function chainRows(chain: string) {
  const db = await getDb();
  return db.auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" }, select: { seq: true, action: true, prevHash: true, hash: true, tenantId: true } });
}

/** The database's own error text: through PGlite's adapter Prisma keeps it only in error.meta. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const { message, meta } = error as { message: string; meta?: unknown };
    return `${message} ${JSON.stringify(meta ?? {})}`;
  }
  return "no error";
}

async function problemsOf(chain: string) {
  const report = await verifyAuditChains(await getDb());
  return { report, problems: report.problems.filter((p) => p.chain === chain).map(({ seq, kind }) => ({ seq, kind })) };
}

describe("audit chain", () => {
  it("appending through recordAudit builds a contiguous chain", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 3);
    const rows = await chainRows(tenantId);
    expect(rows.map((r) => [r.seq, r.action, r.tenantId])).toEqual([
      [1, "test.event_1", tenantId],
      [2, "test.event_2", tenantId],
      [3, "test.event_3", tenantId],
    ]);
    expect(rows[0]!.prevHash).toBe("");
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(3);
  });

  it("gives 20 concurrent appends to one chain seq 1..20 with valid links", async () => {
    const tenantId = await newTenant();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTenant(tenantId, async (tx) => {
          // Hold each transaction open a moment so that they overlap for real.
          await tx.$executeRaw`SELECT pg_sleep(0.02)`;
          await recordAudit(tx, { tenantId, actor: { id: null, email: `writer${i}@example.com` }, action: "test.concurrent", meta });
        }),
      ),
    );
    const rows = await chainRows(tenantId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    rows.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? "" : rows[i - 1]!.hash));
    expect((await problemsOf(tenantId)).problems).toEqual([]);
  });

  it("verifies a clean chain without problems", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 4);
    const { report, problems } = await problemsOf(tenantId);
    expect(problems).toEqual([]);
    expect(report.chains.find((c) => c.chain === tenantId)).toEqual({ chain: tenantId, rows: 4, lastSeq: 4, headSeq: 4, problems: 0 });
    expect(report.rowsChecked).toBeGreaterThanOrEqual(4);
    expect(report.chainsChecked).toBe(report.chains.length);
  });

  it("reports a middle row whose action was changed as edited at that seq", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 5);
    const db = await getDb();
    expect(await db.$executeRaw`UPDATE audit_events SET action = 'test.harmless' WHERE chain = ${tenantId} AND seq = 3`).toBe(1);
    const { report, problems } = await problemsOf(tenantId);
    expect(problems).toEqual([{ seq: 3, kind: "edited" }]);
    expect(report.ok).toBe(false);
  });

  it("reports an edited row whose hash was recomputed as a broken link at the next row", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 4);
    const db = await getDb();
    await db.$executeRaw`UPDATE audit_events SET action = 'test.harmless' WHERE chain = ${tenantId} AND seq = 2`;
    await db.$executeRaw`UPDATE audit_events e SET hash = audit_event_hash(e.prev_hash, e) WHERE chain = ${tenantId} AND seq = 2`;
    expect((await problemsOf(tenantId)).problems).toEqual([{ seq: 3, kind: "broken_link" }]);
  });

  it("reports a deleted middle row as missing", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 5);
    const db = await getDb();
    expect(await db.$executeRaw`DELETE FROM audit_events WHERE chain = ${tenantId} AND seq = 2`).toBe(1);
    expect((await problemsOf(tenantId)).problems).toEqual([{ seq: 2, kind: "missing" }]);
  });

  it("reports a deleted last row through the chain head", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 5);
    const db = await getDb();
    expect(await db.$executeRaw`DELETE FROM audit_events WHERE chain = ${tenantId} AND seq = 5`).toBe(1);
    const { report, problems } = await problemsOf(tenantId);
    expect(problems).toEqual([{ seq: 5, kind: "head_mismatch" }]);
    expect(report.problems.find((p) => p.chain === tenantId)?.detail).toBe("head is at seq 5: the last rows are missing");
    expect(report.chains.find((c) => c.chain === tenantId)).toMatchObject({ rows: 4, lastSeq: 4, headSeq: 5 });
  });

  it("reports a row moved to another tenant (edited, and in the wrong chain)", async () => {
    const tenantId = await newTenant();
    const other = await newTenant();
    await appendEvents(tenantId, 2);
    const db = await getDb();
    await db.$executeRaw`UPDATE audit_events SET tenant_id = ${other}::uuid WHERE chain = ${tenantId} AND seq = 1`;
    expect((await problemsOf(tenantId)).problems).toEqual([
      { seq: 1, kind: "edited" },
      { seq: 1, kind: "wrong_chain" },
    ]);
  });
});

describe("audit log as the app role", () => {
  it("refuses UPDATE and DELETE with permission denied, and changes nothing", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 2);
    const before = await chainRows(tenantId);
    const denied = /permission denied for table audit_events/;
    expect(await refusal(withTenant(tenantId, (tx) => tx.$executeRaw`UPDATE audit_events SET action = 'x' WHERE seq = 1`))).toMatch(denied);
    expect(await refusal(withTenant(tenantId, (tx) => tx.$executeRaw`DELETE FROM audit_events WHERE seq = 2`))).toMatch(denied);
    expect(await refusal(withTenant(tenantId, (tx) => tx.auditEvent.deleteMany({})))).toMatch(denied);
    expect(await refusal(withTenant(tenantId, (tx) => tx.$executeRaw`TRUNCATE audit_events`))).toMatch(denied);
    expect(await chainRows(tenantId)).toEqual(before);
  });

  it("cannot move the chain head", async () => {
    const tenantId = await newTenant();
    await appendEvents(tenantId, 1);
    expect(await refusal(withTenant(tenantId, (tx) => tx.$executeRaw`UPDATE audit_chain_heads SET seq = 0`))).toMatch(/permission denied for table audit_chain_heads/);
  });
});
