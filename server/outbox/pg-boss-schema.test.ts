import { readFileSync } from "node:fs";
import PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";

// pg-boss's schema is created by our migration, not by pg-boss at runtime (migrate: false). An
// upgrade of pg-boss that changes its schema must come with a migration: this fails until then.
const migration = readFileSync("prisma/migrations/20261128061000_sub_outbox_worker/migration.sql", "utf8");

const statements = (sql: string) =>
  sql
    .replace(/--.*$/gm, "")
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/\s+/g, " ").trim())
    .filter((statement) => statement && !/^(BEGIN|COMMIT|SET LOCAL|SELECT pg_advisory_xact_lock)/.test(statement));

describe("pg-boss schema migration", () => {
  it("contains every statement of pg-boss's construction plan for its schema version", () => {
    const plan = statements(PgBoss.getConstructionPlans("pgboss"));
    const ours = statements(migration);
    expect(plan.length).toBeGreaterThan(10);
    for (const statement of plan) expect(ours).toContain(statement);
    expect(migration).toContain(`INSERT INTO pgboss.version(version) VALUES ('24')`);
  });

  it("lets the app role use the queues without owning them", () => {
    expect(migration).toMatch(/ALTER FUNCTION pgboss\.create_queue\(text, json\) SECURITY DEFINER SET search_path/);
    expect(migration).toMatch(/GRANT EXECUTE ON FUNCTION pgboss\.create_queue\(text, json\) TO app_user/);
    expect(migration).not.toMatch(/GRANT [^;]*delete_queue[^;]* TO app_user/);
  });
});
