import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../db/client";
import { auditEvents, createUser, unique } from "../members/test-fixtures";
import { nextSteps, parseTenantCreateArgs, runTenantCreate } from "./tenant-create-cli";

// `npm run tenant:create`: argument checks, the owner account, and the real command's exit code.

connectTestDatabase();
afterAll(closeDb);

describe("parseTenantCreateArgs", () => {
  it("accepts the three options and normalizes slug and owner address", () => {
    expect(parseTenantCreateArgs(["--slug", "Acme", "--name", "  Acme GmbH ", "--owner", "Owner@Acme.Example"])).toEqual({
      ok: true,
      args: { slug: "acme", name: "Acme GmbH", owner: "owner@acme.example" },
    });
    expect(parseTenantCreateArgs(["--slug=acme", "--name=Acme", "--owner=o@acme.example"])).toMatchObject({ ok: true });
  });

  it("explains every problem with the option it belongs to", () => {
    expect(parseTenantCreateArgs([])).toEqual({
      ok: false,
      problems: ["--name: Please fill in this field.", "--slug: Please fill in this field.", "--owner: Please fill in this field."],
    });
    expect(parseTenantCreateArgs(["--slug", "api", "--name", "x".repeat(121), "--owner", "not-an-address"])).toEqual({
      ok: false,
      problems: ["--name: Please use at most 120 characters.", "--slug: This address is reserved. Please choose another one.", "--owner: Please enter an email address like name@example.com."],
    });
    expect(parseTenantCreateArgs(["--slug", "a_b", "--name", "A", "--owner", "o@a.example"])).toEqual({
      ok: false,
      problems: ["--slug: Use 1 to 40 lower-case letters, digits and single hyphens, starting and ending with a letter or digit."],
    });
    expect(parseTenantCreateArgs(["--slug", "a", "--name", "A", "--owner", "o@a.example", "--force"])).toEqual({ ok: false, problems: [expect.stringContaining("Unknown option '--force'")] });
    expect(parseTenantCreateArgs(["acme"])).toMatchObject({ ok: false });
  });
});

describe("runTenantCreate", () => {
  it("creates the owner's account when it is missing, the tenant and its OWNER membership", async () => {
    const slug = unique("cli");
    const owner = `${slug}@example.com`;
    const outcome = await runTenantCreate({ slug, name: "CLI GmbH", owner });
    if ("problem" in outcome) throw new Error(outcome.problem);
    expect(outcome.ownerCreated).toBe(true);
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: owner } });
    expect(user).toMatchObject({ passwordHash: null, totpEnabledAt: null, disabledAt: null });
    expect(await withTenant(outcome.tenantId, (tx) => tx.membership.findMany({ select: { userId: true, roles: true } }))).toEqual([{ userId: user.id, roles: ["OWNER"] }]);
    const [event] = await auditEvents(outcome.tenantId);
    expect(event).toMatchObject({ action: "tenant.created", actorId: null, actorEmail: null, data: { via: "cli", owner: { userId: user.id, email: owner } } });
    expect(nextSteps({ slug, name: "CLI GmbH", owner }, outcome)).toContain(`http://localhost:3000/account/security`);
  });

  it("reuses an existing account, and refuses a taken slug without creating an account", async () => {
    const existing = await createUser(`${unique("existing")}@example.com`);
    const slug = unique("cli");
    const outcome = await runTenantCreate({ slug, name: "Again", owner: existing.email });
    expect(outcome).toMatchObject({ ownerCreated: false });
    const stranger = `${unique("stranger")}@example.com`;
    expect(await runTenantCreate({ slug, name: "Twice", owner: stranger })).toEqual({ problem: `--slug: the address "${slug}" is already taken.` });
    const db = await getDb();
    expect(await db.user.count({ where: { email: stranger } })).toBe(0);
  });

  it("refuses a disabled account as owner", async () => {
    const db = await getDb();
    const email = `${unique("disabled")}@example.com`;
    await db.user.create({ data: { email, disabledAt: new Date() } });
    const slug = unique("cli");
    expect(await runTenantCreate({ slug, name: "X", owner: email })).toEqual({ problem: `--owner: the account ${email} is disabled.` });
    expect(await db.tenant.count({ where: { slug } })).toBe(0);
  });
});

describe("npm run tenant:create", () => {
  it("exits with code 1 and a message on stderr for bad arguments, before touching any database", () => {
    const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/tenant-create.ts", "--slug", "admin", "--name", "Acme", "--owner", "owner@acme.example"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", PGLITE_DIR: "" },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("tenant:create: --slug: This address is reserved. Please choose another one.");
    expect(result.stderr).toContain("Usage: npm run tenant:create --");
    expect(result.stdout).toBe("");
  });
});
