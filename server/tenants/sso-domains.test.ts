import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import { startDnsServer, type TestDnsServer } from "@/server/testing/dns-server";
import type { TenantAccess } from "../auth/guard";
import { closeDb, withTenant } from "../db/client";
import { auditEvents, sessionOf, staffTenant, unique, type StaffTenant } from "../members/test-fixtures";
import { checkDomainChallenge } from "./sso-domain-dns";
import { addSsoDomain, listSsoDomains, removeSsoDomain, verifySsoDomain, type SsoDomainView } from "./sso-domains";

// SSO domain verification against a real DNS server (server/testing/dns-server.ts on 127.0.0.1),
// asked through node:dns's own resolver: the TXT lookup, what is stored and audited, and that no
// tenant can take another tenant's verified domain.
connectTestDatabase({ role: "app" });

let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(async () => {
  await dns.close();
  await closeDb();
});

const meta = { ip: "203.0.113.30", userAgent: "vitest", requestId: "req-sso-domains" };
// The real lookup, pointed at the test's DNS server (what SSO_DNS_SERVERS does for the app).
const check = (domain: string, token: string) => checkDomainChallenge(domain, token, { servers: [dns.address], timeoutMs: 600 });

async function accessOf(tenant: StaffTenant, roles: StaffRole[] = ["OWNER"]): Promise<TenantAccess> {
  return { session: await sessionOf(tenant.owner.id), tenant: tenant.tenant, roles };
}

async function add(tenant: StaffTenant, domain: string): Promise<SsoDomainView> {
  const result = await addSsoDomain(await accessOf(tenant), { domain }, meta);
  if (!result.ok) throw new Error(`adding ${domain}: ${JSON.stringify(result.fieldErrors)}`);
  return result.domain;
}

async function domainEvents(tenant: StaffTenant) {
  return (await auditEvents(tenant.tenant.id)).filter((event) => event.action.startsWith("settings.sso_domain_")).map((event) => [event.action, event.data]);
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("notFound");
}

describe("adding a domain", () => {
  let acme: StaffTenant;
  beforeAll(async () => {
    acme = await staffTenant("ssodom-add");
  });

  it("lists it unverified, with a fresh token and the TXT record to publish, and audits it", async () => {
    const domain = `${unique("kunde")}.example`;
    const added = await add(acme, domain.toUpperCase());
    expect(added).toMatchObject({ domain, status: "UNVERIFIED", recordName: `_vouchsafe-challenge.${domain}`, verifiedAt: null, lastCheckedAt: null, lastFailure: null });
    expect(added.recordValue).toMatch(/^vouchsafe-domain-verification=[0-9a-f]{32}$/);
    expect(await listSsoDomains(acme.tenant.id)).toEqual([added]);
    expect(await domainEvents(acme)).toEqual([["settings.sso_domain_added", { domain }]]);
    const event = (await auditEvents(acme.tenant.id)).at(-1)!;
    expect(event).toMatchObject({ actorId: acme.owner.id, targetType: "sso_domain", targetId: added.id, ip: meta.ip, requestId: meta.requestId });
  });

  it("gives every listing its own token", async () => {
    const other = await staffTenant("ssodom-add2");
    const domain = `${unique("shared")}.example`;
    const [first, second] = [await add(acme, domain), await add(other, domain)];
    expect(first.recordValue).not.toBe(second.recordValue);
  });

  it("refuses a domain listed already, a free-mail domain and a malformed one, writing nothing", async () => {
    const domain = `${unique("twice")}.example`;
    await add(acme, domain);
    const before = await listSsoDomains(acme.tenant.id);
    const events = (await domainEvents(acme)).length;
    const access = await accessOf(acme);
    expect(await addSsoDomain(access, { domain }, meta)).toEqual({ ok: false, fieldErrors: { domain: ["sso.domainListed"] } });
    expect(await addSsoDomain(access, { domain: "gmail.com" }, meta)).toEqual({ ok: false, fieldErrors: { domain: ["sso.domainFreeMail"] } });
    expect(await addSsoDomain(access, { domain: "not a domain" }, meta)).toEqual({ ok: false, fieldErrors: { domain: ["sso.domain"] } });
    expect(await listSsoDomains(acme.tenant.id)).toEqual(before);
    expect(await domainEvents(acme)).toHaveLength(events);
  });

  it("is refused for a role without settings.update", async () => {
    await expect(addSsoDomain(await accessOf(acme, ["LEGAL_EDITOR"]), { domain: "editor.example" }, meta)).rejects.toBeInstanceOf(AuthorizationError);
    expect((await listSsoDomains(acme.tenant.id)).map((entry) => entry.domain)).not.toContain("editor.example");
  });
});

describe("verifying a domain through DNS", () => {
  let acme: StaffTenant;
  beforeAll(async () => {
    acme = await staffTenant("ssodom-verify");
  });

  async function stored(id: string) {
    return (await listSsoDomains(acme.tenant.id)).find((entry) => entry.id === id)!;
  }

  it("fails on NXDOMAIN (no record published yet), and stores and audits why", async () => {
    const entry = await add(acme, `${unique("nx")}.example`);
    const checkedAt = new Date("2026-11-28T10:00:00.000Z");
    expect(await verifySsoDomain(await accessOf(acme), entry.id, meta, { check, now: () => checkedAt })).toEqual({ outcome: "failed", domain: entry.domain, failure: "RECORD_NOT_FOUND" });
    expect(dns.questions.at(-1)).toBe(entry.recordName);
    expect(await stored(entry.id)).toMatchObject({ status: "UNVERIFIED", verifiedAt: null, lastCheckedAt: checkedAt, lastFailure: "RECORD_NOT_FOUND" });
    expect((await domainEvents(acme)).at(-1)).toEqual(["settings.sso_domain_verification_failed", { domain: entry.domain, reason: "RECORD_NOT_FOUND" }]);
  });

  it("fails when the name has TXT records, none of them with this tenant's token", async () => {
    const entry = await add(acme, `${unique("wrong")}.example`);
    dns.setTxt(entry.recordName, ["vouchsafe-domain-verification=ffffffffffffffffffffffffffffffff", "v=spf1 -all"]);
    expect(await verifySsoDomain(await accessOf(acme), entry.id, meta, { check })).toEqual({ outcome: "failed", domain: entry.domain, failure: "WRONG_VALUE" });
    expect(await stored(entry.id)).toMatchObject({ status: "UNVERIFIED", lastFailure: "WRONG_VALUE" });
    expect((await domainEvents(acme)).at(-1)).toEqual(["settings.sso_domain_verification_failed", { domain: entry.domain, reason: "WRONG_VALUE" }]);
  });

  it("fails when the name exists without a TXT record (NODATA)", async () => {
    const entry = await add(acme, `${unique("nodata")}.example`);
    dns.setNoTxt(entry.recordName);
    expect(await verifySsoDomain(await accessOf(acme), entry.id, meta, { check })).toEqual({ outcome: "failed", domain: entry.domain, failure: "RECORD_NOT_FOUND" });
  });

  it("reports a DNS server that does not answer as a timeout, and SERVFAIL as a DNS error", async () => {
    const silent = await add(acme, `${unique("silent")}.example`);
    dns.silence(silent.recordName);
    const started = Date.now();
    expect(await verifySsoDomain(await accessOf(acme), silent.id, meta, { check })).toEqual({ outcome: "failed", domain: silent.domain, failure: "DNS_TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(3_000);
    const failing = await add(acme, `${unique("servfail")}.example`);
    dns.fail(failing.recordName);
    expect(await verifySsoDomain(await accessOf(acme), failing.id, meta, { check })).toEqual({ outcome: "failed", domain: failing.domain, failure: "DNS_ERROR" });
    expect((await stored(failing.id)).status).toBe("UNVERIFIED");
  });

  it("verifies with the published token (a record split into strings, among others), once", async () => {
    const entry = await add(acme, `${unique("good")}.example`);
    dns.remove(entry.recordName);
    expect((await verifySsoDomain(await accessOf(acme), entry.id, meta, { check })).outcome).toBe("failed");
    const value = entry.recordValue;
    dns.setTxt(entry.recordName, ["v=spf1 -all", [value.slice(0, 20), value.slice(20)]]);
    const verifiedAt = new Date("2026-11-28T11:00:00.000Z");
    expect(await verifySsoDomain(await accessOf(acme), entry.id, meta, { check, now: () => verifiedAt })).toEqual({ outcome: "verified", domain: entry.domain });
    expect(await stored(entry.id)).toMatchObject({ status: "VERIFIED", verifiedAt, lastCheckedAt: verifiedAt, lastFailure: null });
    expect((await domainEvents(acme)).at(-1)).toEqual(["settings.sso_domain_verified", { domain: entry.domain }]);

    const events = (await domainEvents(acme)).length;
    const asked = dns.questions.length;
    expect(await verifySsoDomain(await accessOf(acme), entry.id, meta, { check })).toEqual({ outcome: "alreadyVerified", domain: entry.domain });
    expect(dns.questions).toHaveLength(asked);
    expect(await domainEvents(acme)).toHaveLength(events);
  });

  it("is refused for a role without settings.update", async () => {
    const entry = await add(acme, `${unique("role")}.example`);
    dns.setTxt(entry.recordName, [entry.recordValue]);
    await expect(verifySsoDomain(await accessOf(acme, ["SECURITY_REVIEWER"]), entry.id, meta, { check })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(removeSsoDomain(await accessOf(acme, ["LEGAL_APPROVER"]), entry.id, meta)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await stored(entry.id)).toMatchObject({ status: "UNVERIFIED", lastCheckedAt: null });
  });
});

describe("one tenant's domains and another's", () => {
  let owner: StaffTenant;
  let intruder: StaffTenant;
  let domain: string;
  let owned: SsoDomainView;
  beforeAll(async () => {
    owner = await staffTenant("ssodom-owner");
    intruder = await staffTenant("ssodom-intruder");
    domain = `${unique("bigcorp")}.example`;
  });

  it("a domain another tenant only listed can be verified by the one that publishes its token", async () => {
    // The intruder lists the domain first; it cannot publish a record there.
    const early = await add(intruder, domain);
    owned = await add(owner, domain);
    dns.setTxt(owned.recordName, [owned.recordValue]);
    expect((await verifySsoDomain(await accessOf(intruder), early.id, meta, { check })).outcome).toBe("failed");
    expect((await listSsoDomains(intruder.tenant.id))[0]).toMatchObject({ status: "UNVERIFIED", lastFailure: "WRONG_VALUE" });
    expect(await verifySsoDomain(await accessOf(owner), owned.id, meta, { check })).toEqual({ outcome: "verified", domain });
  });

  it("a domain verified elsewhere can no longer be added, and is not verified for the tenant that listed it early", async () => {
    const late = await staffTenant("ssodom-late");
    expect(await addSsoDomain(await accessOf(late), { domain }, meta)).toEqual({ ok: false, fieldErrors: { domain: ["sso.domainTaken"] } });
    expect(await listSsoDomains(late.tenant.id)).toEqual([]);
    expect(await domainEvents(late)).toEqual([]);
    const [early] = await listSsoDomains(intruder.tenant.id);
    // Even with the intruder's own token published, the domain stays the owner's; DNS is not asked.
    dns.setTxt(owned.recordName, [owned.recordValue, early!.recordValue]);
    const asked = dns.questions.length;
    expect(await verifySsoDomain(await accessOf(intruder), early!.id, meta, { check })).toEqual({ outcome: "failed", domain, failure: "DOMAIN_TAKEN" });
    expect(dns.questions).toHaveLength(asked);
    expect((await listSsoDomains(intruder.tenant.id))[0]).toMatchObject({ status: "UNVERIFIED", lastFailure: "DOMAIN_TAKEN" });
    expect((await domainEvents(intruder)).at(-1)).toEqual(["settings.sso_domain_verification_failed", { domain, reason: "DOMAIN_TAKEN" }]);
  });

  it("a verification racing another tenant's loses to the unique verified domain", async () => {
    const contested = `${unique("race")}.example`;
    const a = await add(owner, contested);
    const b = await add(intruder, contested);
    dns.setTxt(a.recordName, [a.recordValue, b.recordValue]);
    // While the intruder's lookup runs, the owner verifies.
    const racing = async (name: string, token: string) => {
      const result = await check(name, token);
      expect(await verifySsoDomain(await accessOf(owner), a.id, meta, { check })).toEqual({ outcome: "verified", domain: contested });
      return result;
    };
    expect(await verifySsoDomain(await accessOf(intruder), b.id, meta, { check: racing })).toEqual({ outcome: "failed", domain: contested, failure: "DOMAIN_TAKEN" });
    expect((await listSsoDomains(intruder.tenant.id)).find((entry) => entry.id === b.id)).toMatchObject({ status: "UNVERIFIED", lastFailure: "DOMAIN_TAKEN" });
    expect((await domainEvents(intruder)).filter(([action]) => action === "settings.sso_domain_verified")).toEqual([]);
  });

  it("another tenant's domain id is not found for verifying and removing, and changes nothing", async () => {
    const before = await listSsoDomains(owner.tenant.id);
    await expectNotFound(verifySsoDomain(await accessOf(intruder), owned.id, meta, { check }));
    await expectNotFound(removeSsoDomain(await accessOf(intruder), owned.id, meta));
    await expectNotFound(removeSsoDomain(await accessOf(intruder), "not-a-uuid", meta));
    await expectNotFound(verifySsoDomain(await accessOf(intruder), "00000000-0000-4000-8000-000000000000", meta, { check }));
    expect(await listSsoDomains(owner.tenant.id)).toEqual(before);
  });

  it("removing a verified domain is audited and frees it for another tenant", async () => {
    expect(await removeSsoDomain(await accessOf(owner), owned.id, meta)).toEqual({ domain });
    expect((await listSsoDomains(owner.tenant.id)).map((entry) => entry.domain)).not.toContain(domain);
    expect((await domainEvents(owner)).at(-1)).toEqual(["settings.sso_domain_removed", { domain, wasVerified: true }]);
    await expectNotFound(removeSsoDomain(await accessOf(owner), owned.id, meta));

    const [early] = await listSsoDomains(intruder.tenant.id);
    dns.setTxt(owned.recordName, [early!.recordValue]);
    expect(await verifySsoDomain(await accessOf(intruder), early!.id, meta, { check })).toEqual({ outcome: "verified", domain });
  });
});

describe("row-level security on sso_domains", () => {
  let a: StaffTenant;
  let b: StaffTenant;
  let bDomain: SsoDomainView;
  beforeAll(async () => {
    a = await staffTenant("ssodom-rls-a");
    b = await staffTenant("ssodom-rls-b");
    await add(a, `${unique("a")}.example`);
    bDomain = await add(b, `${unique("b")}.example`);
  });

  it("shows a tenant only its own records, and none outside a tenant context", async () => {
    const seen = await withTenant(a.tenant.id, async (tx) => ({
      tenants: [...new Set((await tx.ssoDomain.findMany({ select: { tenantId: true } })).map((row) => row.tenantId))],
      foreign: await tx.ssoDomain.findUnique({ where: { id: bDomain.id } }),
      foreignByDomain: await tx.ssoDomain.count({ where: { domain: bDomain.domain } }),
    }));
    expect(seen).toEqual({ tenants: [a.tenant.id], foreign: null, foreignByDomain: 0 });
    const outside = await withTenant("00000000-0000-4000-8000-000000000000", (tx) => tx.ssoDomain.count());
    expect(outside).toBe(0);
  });

  it("lets a tenant neither change, delete nor create another tenant's records", async () => {
    const result = await withTenant(a.tenant.id, async (tx) => ({
      updated: await tx.ssoDomain.updateMany({ where: { id: bDomain.id }, data: { status: "VERIFIED", verifiedDomain: bDomain.domain, verifiedAt: new Date() } }),
      deleted: await tx.ssoDomain.deleteMany({ where: { tenantId: b.tenant.id } }),
    }));
    expect(result).toEqual({ updated: { count: 0 }, deleted: { count: 0 } });
    await expect(withTenant(a.tenant.id, (tx) => tx.ssoDomain.create({ data: { tenantId: b.tenant.id, domain: "planted.example", verificationToken: "b".repeat(32) } }))).rejects.toThrow(/row-level security/);
    expect(await listSsoDomains(b.tenant.id)).toEqual([bDomain]);
  });

  it("refuses a verified row whose verified domain is not its own (database rule)", async () => {
    await expect(
      withTenant(a.tenant.id, (tx) => tx.ssoDomain.create({ data: { tenantId: a.tenant.id, domain: "mine.example", verificationToken: "c".repeat(32), status: "VERIFIED", verifiedDomain: "theirs.example", verifiedAt: new Date() } })),
    ).rejects.toThrow(/sso_domain_consistent/);
  });
});
