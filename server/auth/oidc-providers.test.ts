import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../db/client";
import { addMember, createUser, staffTenant, unique, type StaffTenant } from "../members/test-fixtures";
import { seal } from "../security/secret-box";
import { accountDenial, claimsDenial, forgetTenantSso, loadTenantSso, oidcProviderFor, ssoProviderId, SSO_SECRET_PURPOSE, tenantSlugOfProvider } from "./oidc-providers";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const DOMAINS = [
  { domain: "kunde.example", verified: true },
  { domain: "partner.example", verified: true },
  { domain: "pending.example", verified: false },
];

describe("claimsDenial: what the provider must vouch for", () => {
  it.each([
    [{ sub: "1", email: "anna@kunde.example", email_verified: true }, null],
    [{ sub: "1", email: "Anna@Kunde.Example", email_verified: true }, null],
    [{ sub: "1", email: "anna@partner.example", email_verified: true }, null],
    [{ sub: "1", email: "anna@other.example", email_verified: true }, "domain_not_allowed"],
    [{ sub: "1", email: "anna@eu.kunde.example", email_verified: true }, "domain_not_allowed"],
    // Listed, but the tenant has not proved it owns the domain.
    [{ sub: "1", email: "alice@pending.example", email_verified: true }, "domain_unverified"],
    [{ sub: "1", email: "Alice@PENDING.example", email_verified: true }, "domain_unverified"],
    [{ sub: "1", email: "alice@eu.pending.example", email_verified: true }, "domain_not_allowed"],
    [{ sub: "1", email: "alice@pending.example", email_verified: false }, "email_unverified"],
    [{ sub: "1", email: "anna@kunde.example", email_verified: false }, "email_unverified"],
    [{ sub: "1", email: "anna@kunde.example", email_verified: "true" }, "email_unverified"],
    [{ sub: "1", email: "anna@kunde.example" }, "email_unverified"],
    [{ sub: "1", email_verified: true }, "email_missing"],
    [{ sub: "1", email: "", email_verified: true }, "email_missing"],
    [{ sub: "1", email: "not-an-address", email_verified: true }, "email_missing"],
    [undefined, "email_missing"],
  ] as const)("%j → %s", (claims, expected) => {
    expect(claimsDenial(claims, DOMAINS)).toBe(expected);
  });

  it("refuses every address when the tenant lists no domain, and every one of a domain that is only listed", () => {
    expect(claimsDenial({ sub: "1", email: "anna@kunde.example", email_verified: true }, [])).toBe("domain_not_allowed");
    expect(claimsDenial({ sub: "1", email: "anna@kunde.example", email_verified: true }, [{ domain: "kunde.example", verified: false }])).toBe("domain_unverified");
  });
});

describe("provider ids", () => {
  it("map a tenant slug to oidc-{slug} and back, refusing what is no slug", () => {
    expect(ssoProviderId("mpmx")).toBe("oidc-mpmx");
    expect(tenantSlugOfProvider("oidc-mpmx")).toBe("mpmx");
    expect(tenantSlugOfProvider("oidc-nord-licht")).toBe("nord-licht");
    expect(tenantSlugOfProvider("github")).toBeNull();
    expect(tenantSlugOfProvider("oidc-")).toBeNull();
    expect(tenantSlugOfProvider("oidc-admin")).toBeNull();
    expect(tenantSlugOfProvider("oidc-Bad_Slug")).toBeNull();
  });
});

describe("loadTenantSso and the provider built from it", () => {
  let acme: StaffTenant;
  beforeAll(async () => {
    acme = await staffTenant("ssoload");
  });

  type Config = { oidcIssuer?: string | null; oidcClientId?: string | null; oidcClientSecret?: string | null };
  async function configure(data: Config, domains?: typeof DOMAINS) {
    const db = await getDb();
    await db.tenant.update({ where: { id: acme.tenant.id }, data });
    if (domains) {
      await withTenant(acme.tenant.id, async (tx) => {
        await tx.ssoDomain.deleteMany({ where: { tenantId: acme.tenant.id } });
        for (const { domain, verified } of domains) {
          const token = randomBytes(16).toString("hex");
          await tx.ssoDomain.create({ data: { tenantId: acme.tenant.id, domain, verificationToken: token, ...(verified ? { status: "VERIFIED", verifiedDomain: domain, verifiedAt: new Date() } : {}) } });
        }
      });
    }
    forgetTenantSso(acme.tenant.slug);
  }
  const complete = { oidcIssuer: "https://login.kunde.example", oidcClientId: "vouchsafe", oidcClientSecret: seal("s3cret", SSO_SECRET_PURPOSE) };

  it("is null for unknown tenants, incomplete configurations and without a verified domain", async () => {
    expect(await loadTenantSso("no-such-tenant")).toBeNull();
    expect(await loadTenantSso("../etc")).toBeNull();
    await configure({ ...complete, oidcClientSecret: null }, DOMAINS);
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();
    await configure(complete, []);
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();
    // Listed domains alone, however many, enable nothing.
    await configure(complete, DOMAINS.map((entry) => ({ ...entry, verified: false })));
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();
  });

  it("opens the sealed secret and builds an OIDC provider with the domain-checked email linking", async () => {
    await configure(complete, DOMAINS);
    const sso = await loadTenantSso(acme.tenant.slug);
    expect(sso).toEqual({
      tenant: acme.tenant,
      issuer: "https://login.kunde.example",
      clientId: "vouchsafe",
      clientSecret: "s3cret",
      emailDomains: [
        { domain: "kunde.example", verified: true },
        { domain: "partner.example", verified: true },
        { domain: "pending.example", verified: false },
      ],
    });
    const provider = oidcProviderFor(sso!);
    expect(provider).toMatchObject({ id: `oidc-${acme.tenant.slug}`, type: "oidc", issuer: "https://login.kunde.example", clientId: "vouchsafe", clientSecret: "s3cret", checks: ["pkce", "state", "nonce"], idToken: false, allowDangerousEmailAccountLinking: true });
    expect(provider.profile!({ sub: "abc", email: " Anna@KUNDE.example ", name: "Anna" }, {})).toEqual({ id: "abc", email: "anna@kunde.example", name: "Anna", image: null });
  });

  it("keeps the configuration for a while, and forgets it on request", async () => {
    await configure({ ...complete, oidcClientId: "first" }, DOMAINS);
    const now = Date.now();
    expect((await loadTenantSso(acme.tenant.slug, now))?.clientId).toBe("first");
    const db = await getDb();
    await db.tenant.update({ where: { id: acme.tenant.id }, data: { oidcClientId: "second" } });
    expect((await loadTenantSso(acme.tenant.slug, now + 1_000))?.clientId).toBe("first");
    expect((await loadTenantSso(acme.tenant.slug, now + 31_000))?.clientId).toBe("second");
    await db.tenant.update({ where: { id: acme.tenant.id }, data: { oidcClientId: "third" } });
    forgetTenantSso(acme.tenant.slug);
    expect((await loadTenantSso(acme.tenant.slug, now + 32_000))?.clientId).toBe("third");
  });

  it("treats a secret sealed under another key as no configuration", async () => {
    await configure({ ...complete, oidcClientSecret: seal("s3cret", "another-purpose") }, DOMAINS);
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();
  });
});

describe("accountDenial: SSO never leads into a staff or disabled account", () => {
  let acme: StaffTenant;
  beforeAll(async () => {
    acme = await staffTenant("ssoacct");
  });

  it("lets new addresses and plain customers through", async () => {
    expect(await accountDenial({ email: `new@${unique("kunde")}.example`, userId: undefined })).toBeNull();
    const customer = await createUser(`kunde@${unique("kunde")}.example`);
    expect(await accountDenial({ email: customer.email.toUpperCase(), userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await accountDenial({ email: "someone-else@example.com", userId: customer.id })).toBeNull();
  });

  it("refuses members of any tenant, users with a password, and disabled users", async () => {
    const member = await addMember(acme.tenant.id, `editor@${unique("staff")}.example`, ["LEGAL_EDITOR"]);
    expect(await accountDenial({ email: member.email, userId: undefined })).toBe("staff_account");
    expect(await accountDenial({ email: "other@example.com", userId: member.id })).toBe("staff_account");
    expect(await accountDenial({ email: acme.owner.email, userId: undefined })).toBe("staff_account");

    const db = await getDb();
    const withPassword = await createUser(`pw@${unique("kunde")}.example`);
    await db.user.update({ where: { id: withPassword.id }, data: { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y" } });
    expect(await accountDenial({ email: withPassword.email, userId: undefined })).toBe("staff_account");

    const disabled = await createUser(`gone@${unique("kunde")}.example`);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await accountDenial({ email: disabled.email, userId: undefined })).toBe("account_disabled");
  });
});
