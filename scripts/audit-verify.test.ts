import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/server/audit/record";
import { closeDb, getDb, withTenant } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";

// `npm run audit:verify` as an operator runs it, against the run's database: it names a row that
// was changed with a plain UPDATE and exits 1. Other test files may have tampered with their own
// chains in this database, so only this test's chain lines are asserted.

const database = connectTestDatabase();
afterAll(closeDb);

function runVerify() {
  const tsx = path.resolve("node_modules/.bin/tsx");
  // The script opens the database itself; PGlite allows one process per folder, so PostgreSQL only.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.kind === "postgres" ? database.url : undefined };
  delete env.PGLITE_DIR;
  const result = spawnSync(tsx, ["--conditions=react-server", "scripts/audit-verify.ts"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: result.stdout };
}

describe.skipIf(database.kind !== "postgres")("npm run audit:verify", () => {
  it("reports a row changed directly in the database and exits 1", async () => {
    const db = await getDb();
    const slug = `verify-${randomUUID().slice(0, 8)}`;
    const tenant = await db.tenant.create({ data: { slug, name: slug } });
    for (const action of ["member.invited", "member.roles_changed", "member.removed"]) {
      await withTenant(tenant.id, (tx) => recordAudit(tx, { tenantId: tenant.id, actor: { id: null, email: "owner@example.com" }, action, meta: null }));
    }
    const clean = runVerify();
    expect(clean.output).toContain(`ok     ${slug} (${tenant.id}): 3 rows, seq up to 3, head 3\n`);

    await db.$executeRaw`UPDATE audit_events SET action = 'member.nothing_to_see' WHERE chain = ${tenant.id} AND seq = 2`;
    const tampered = runVerify();
    expect(tampered.status).toBe(1);
    expect(tampered.output).toContain(`FAILED ${slug} (${tenant.id}): 3 rows, seq up to 3, head 3\n         seq 2: edited — content does not match its hash\n`);
    expect(tampered.output).toMatch(/\[audit:verify\] \d+ chains, \d+ rows checked: \d+ problems?\n$/);
  });
});
