import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "@/lib/auth/permissions";
import { AuthorizationError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import type { TenantAccess } from "../auth/guard";
import { closeDb } from "../db/client";
import { auditEvents, sessionOf, staffTenant, type StaffTenant } from "../members/test-fixtures";
import { clearCustomDomain, loadCustomDomain, saveCustomDomain } from "./custom-domain-settings";
import { tenantSlugForHost } from "./domains";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const meta = { ip: "203.0.113.30", userAgent: "vitest", requestId: "req-custom-domain" };

describe("a tenant's custom domain", () => {
  let acme: StaffTenant;
  let rival: StaffTenant;
  let domain: string;
  let rivalDomain: string;

  beforeAll(async () => {
    acme = await staffTenant("domainset");
    rival = await staffTenant("domainrival");
    domain = `trust.${acme.tenant.slug}.example`;
    rivalDomain = `trust.${rival.tenant.slug}.example`;
  });

  async function access(tenant: StaffTenant, roles: StaffRole[] = ["OWNER"]): Promise<TenantAccess> {
    return { session: await sessionOf(tenant.owner.id), tenant: tenant.tenant, roles };
  }
  async function domainEvents(tenant: StaffTenant) {
    return (await auditEvents(tenant.tenant.id)).filter((event) => event.action === "settings.custom_domain_updated");
  }

  it("is refused, with nothing written, for roles without settings.update", async () => {
    for (const roles of [["LEGAL_EDITOR"], ["LEGAL_APPROVER"], ["SECURITY_REVIEWER"]] satisfies StaffRole[][]) {
      await expect(saveCustomDomain(await access(acme, roles), { domain }, meta)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(clearCustomDomain(await access(acme, roles), meta)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await loadCustomDomain(acme.tenant.id)).toBeNull();
    expect(await domainEvents(acme)).toEqual([]);
  });

  it.each([
    ["https://trust.acme.example", "customDomain.invalid"],
    ["localhost", "customDomain.invalid"],
    ["10.0.0.1", "customDomain.ipAddress"],
  ])("checks the rules again for callers other than the form: %j → %j, nothing written", async (input, key) => {
    expect(await saveCustomDomain(await access(acme), { domain: input }, meta)).toEqual({ ok: false, fieldErrors: { domain: [key] } });
    expect(await loadCustomDomain(acme.tenant.id)).toBeNull();
    expect(await domainEvents(acme)).toEqual([]);
  });

  it("refuses the application's own host", async () => {
    expect(await saveCustomDomain(await access(acme), { domain: "Vouchsafe-App.example" }, meta, { ownHost: "vouchsafe-app.example" })).toEqual({
      ok: false,
      fieldErrors: { domain: ["customDomain.appHost"] },
    });
    expect(await loadCustomDomain(acme.tenant.id)).toBeNull();
  });

  it("saves a normalized domain with its audit event, and the proxy's directory knows it at once", async () => {
    // Load the directory's table first: without forgetCustomDomains() it would stay cached for 30 s.
    expect(await tenantSlugForHost(domain)).toBeNull();
    const typed = `${domain.toUpperCase()}.`;
    expect(await saveCustomDomain(await access(acme, ["ADMIN"]), { domain: typed }, meta)).toEqual({ ok: true, domain, changed: true });
    expect(await loadCustomDomain(acme.tenant.id)).toBe(domain);
    expect(await tenantSlugForHost(domain)).toBe(acme.tenant.slug);
    expect(await tenantSlugForHost(`${domain}:443`)).toBe(acme.tenant.slug);

    const events = await domainEvents(acme);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tenantId: acme.tenant.id, actorId: acme.owner.id, actorRoles: ["ADMIN"], targetType: "tenant", targetId: acme.tenant.id, ip: meta.ip, requestId: meta.requestId });
    expect(events[0]!.data).toEqual({ before: null, after: domain });
  });

  it("writes and logs nothing when the domain is unchanged", async () => {
    expect(await saveCustomDomain(await access(acme), { domain }, meta)).toEqual({ ok: true, domain, changed: false });
    expect(await domainEvents(acme)).toHaveLength(1);
  });

  it("stores an international domain in punycode, and logs the change from the previous one", async () => {
    const idn = `müller.${acme.tenant.slug}.example`;
    const ascii = `xn--mller-kva.${acme.tenant.slug}.example`;
    expect(await saveCustomDomain(await access(acme), { domain: idn }, meta)).toEqual({ ok: true, domain: ascii, changed: true });
    expect(await tenantSlugForHost(ascii)).toBe(acme.tenant.slug);
    expect(await tenantSlugForHost(domain)).toBeNull();
    expect((await domainEvents(acme)).at(-1)!.data).toEqual({ before: domain, after: ascii });
    expect(await saveCustomDomain(await access(acme), { domain }, meta)).toEqual({ ok: true, domain, changed: true });
  });

  it("refuses a domain another tenant has, without naming that tenant, and writes nothing", async () => {
    expect(await saveCustomDomain(await access(rival), { domain: rivalDomain }, meta)).toEqual({ ok: true, domain: rivalDomain, changed: true });
    const before = (await domainEvents(acme)).length;
    const answer = await saveCustomDomain(await access(acme), { domain: rivalDomain.toUpperCase() }, meta);
    expect(answer).toEqual({ ok: false, fieldErrors: { domain: ["customDomain.taken"] } });
    expect(await loadCustomDomain(acme.tenant.id)).toBe(domain);
    expect(await loadCustomDomain(rival.tenant.id)).toBe(rivalDomain);
    expect(await domainEvents(acme)).toHaveLength(before);
    expect(await tenantSlugForHost(rivalDomain)).toBe(rival.tenant.slug);
  });

  it("clears the domain once: logged, and the host no longer selects the tenant", async () => {
    expect(await clearCustomDomain(await access(acme), meta)).toEqual({ changed: true });
    expect(await loadCustomDomain(acme.tenant.id)).toBeNull();
    expect(await tenantSlugForHost(domain)).toBeNull();
    expect((await domainEvents(acme)).at(-1)!.data).toEqual({ before: domain, after: null });
    const count = (await domainEvents(acme)).length;
    expect(await clearCustomDomain(await access(acme), meta)).toEqual({ changed: false });
    expect(await domainEvents(acme)).toHaveLength(count);
    // The rival's domain and log are untouched by all of this.
    expect(await loadCustomDomain(rival.tenant.id)).toBe(rivalDomain);
    expect((await domainEvents(rival)).map((event) => event.data)).toEqual([{ before: null, after: rivalDomain }]);
  });
});
