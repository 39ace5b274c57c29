import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "@/lib/auth/permissions";
import { AuthorizationError } from "@/lib/errors";
import type { SsoSettingsInput } from "@/lib/validation/sso";
import { connectTestDatabase } from "@/server/testing/database";
import type { TenantAccess } from "../auth/guard";
import { forgetTenantSso, loadTenantSso } from "../auth/oidc-providers";
import { closeDb, getDb, withTenant } from "../db/client";
import { auditEvents, sessionOf, staffTenant, type StaffTenant } from "../members/test-fixtures";
import { checkDiscovery, disableSso, loadSsoSettings, saveSsoSettings } from "./sso-settings";

connectTestDatabase({ role: "app" });

// A stand-in identity provider: each path prefix answers discovery in one particular way.
let server: Server;
let base: string;
function discoveryDocument(issuer: string, omit?: string) {
  const document: Record<string, string> = {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${issuer}/jwks`,
  };
  if (omit) delete document[omit];
  return JSON.stringify(document);
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    const issuer = `${base}${path.replace("/.well-known/openid-configuration", "")}`;
    const json = (body: string) => response.writeHead(200, { "content-type": "application/json" }).end(body);
    if (path === "/good/.well-known/openid-configuration") return json(discoveryDocument(issuer));
    if (path === "/realm/customers/.well-known/openid-configuration") return json(discoveryDocument(issuer));
    if (path === "/other-issuer/.well-known/openid-configuration") return json(discoveryDocument(`${base}/someone-else`));
    if (path === "/no-userinfo/.well-known/openid-configuration") return json(discoveryDocument(issuer, "userinfo_endpoint"));
    if (path === "/html/.well-known/openid-configuration") return response.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>");
    if (path === "/array/.well-known/openid-configuration") return json("[]");
    if (path === "/redirect/.well-known/openid-configuration") return response.writeHead(302, { location: `${base}/good/.well-known/openid-configuration` }).end();
    if (path === "/slow/.well-known/openid-configuration") return void setTimeout(() => json(discoveryDocument(issuer)), 1_000);
    response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
});

describe("checkDiscovery", () => {
  it("accepts an issuer whose discovery document names it and the endpoints Auth.js needs", async () => {
    expect(await checkDiscovery(`${base}/good`)).toBeNull();
    expect(await checkDiscovery(`${base}/realm/customers`)).toBeNull();
  });

  it("compares issuers with a path exactly, as Auth.js will: a trailing slash is another issuer", async () => {
    expect(await checkDiscovery(`${base}/good/`)).toBe("issuerMismatch");
  });

  it.each([
    ["/missing", "unreachable"],
    ["/redirect", "unreachable"],
    ["/html", "invalid"],
    ["/array", "invalid"],
    ["/no-userinfo", "invalid"],
    ["/other-issuer", "issuerMismatch"],
  ])("%s → %s", async (path, expected) => {
    expect(await checkDiscovery(`${base}${path}`)).toBe(expected);
  });

  it("gives up after the timeout, and on a closed port", async () => {
    const started = Date.now();
    expect(await checkDiscovery(`${base}/slow`, { timeoutMs: 200 })).toBe("unreachable");
    expect(Date.now() - started).toBeLessThan(900);
    expect(await checkDiscovery("http://127.0.0.1:9/")).toBe("unreachable");
  });
});

describe("checkDiscovery in production (SSRF)", () => {
  it("refuses issuers on loopback or private networks before fetching anything", async () => {
    let fetched = 0;
    const fetchImpl = (async () => {
      fetched++;
      return new Response("{}");
    }) as typeof fetch;
    for (const issuer of [`${base}/good`, "https://localhost/", "https://10.0.0.5/", "https://[::1]/", "https://169.254.169.254/latest"]) {
      expect(await checkDiscovery(issuer, { fetchImpl, allowPrivateAddresses: false }), issuer).toBe("privateAddress");
    }
    expect(fetched).toBe(0);
  });
});

describe("saving and clearing a tenant's SSO settings", () => {
  let acme: StaffTenant;
  const meta = { ip: "203.0.113.20", userAgent: "vitest", requestId: "req-sso-settings" };

  beforeAll(async () => {
    acme = await staffTenant("ssoset");
  });

  async function access(roles: StaffRole[] = ["OWNER"]): Promise<TenantAccess> {
    return { session: await sessionOf(acme.owner.id), tenant: acme.tenant, roles };
  }
  const input = (overrides: Partial<SsoSettingsInput> = {}): SsoSettingsInput => ({
    issuer: `${base}/good`,
    clientId: "vouchsafe",
    clientSecret: "first-secret-value",
    ...overrides,
  });
  async function storedSecret() {
    const db = await getDb();
    return (await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).oidcClientSecret;
  }
  async function ssoEvents() {
    return (await auditEvents(acme.tenant.id)).filter((event) => event.action === "settings.sso_updated");
  }
  const OFF = { status: "off", issuer: null, clientId: null, secretSet: false, timeZone: "Europe/Berlin" };

  it("requires a secret the first time and writes nothing without one", async () => {
    expect(await saveSsoSettings(await access(), input({ clientSecret: null }), meta)).toEqual({ ok: false, fieldErrors: { clientSecret: ["sso.secretRequired"] } });
    expect(await loadSsoSettings(acme.tenant.id)).toEqual(OFF);
    expect(await ssoEvents()).toEqual([]);
  });

  it("reports a failed discovery next to the issuer and writes nothing", async () => {
    expect(await saveSsoSettings(await access(), input({ issuer: `${base}/missing` }), meta)).toEqual({ ok: false, fieldErrors: { issuer: ["sso.discovery.unreachable"] } });
    expect(await saveSsoSettings(await access(), input({ issuer: `${base}/other-issuer` }), meta)).toEqual({ ok: false, fieldErrors: { issuer: ["sso.discovery.issuerMismatch"] } });
    expect((await loadSsoSettings(acme.tenant.id)).status).toBe("off");
    expect(await ssoEvents()).toEqual([]);
  });

  it("is refused, with nothing written, for a role without settings.update", async () => {
    await expect(saveSsoSettings(await access(["LEGAL_EDITOR"]), input(), meta)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(disableSso(await access(["SECURITY_REVIEWER"]), meta)).rejects.toBeInstanceOf(AuthorizationError);
    expect((await loadSsoSettings(acme.tenant.id)).status).toBe("off");
  });

  it("saves the provider, the secret sealed and the audit event without it; it waits for a verified domain", async () => {
    expect(await saveSsoSettings(await access(), input(), meta)).toEqual({ ok: true, changed: ["issuer", "clientId", "clientSecret"] });
    expect(await loadSsoSettings(acme.tenant.id)).toEqual({ status: "awaitingDomain", issuer: `${base}/good`, clientId: "vouchsafe", secretSet: true, timeZone: "Europe/Berlin" });
    expect(await storedSecret()).not.toContain("first-secret-value");
    // No verified domain: no provider anyone could sign in through.
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();

    const events = await ssoEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tenantId: acme.tenant.id, actorId: acme.owner.id, actorRoles: ["OWNER"], targetType: "tenant", targetId: acme.tenant.id, ip: meta.ip, requestId: meta.requestId });
    expect(events[0]!.data).toEqual({ enabled: true, changed: ["issuer", "clientId", "clientSecret"], issuer: `${base}/good`, clientId: "vouchsafe" });
    expect(JSON.stringify(events)).not.toContain("first-secret-value");
  });

  it("is on, with the provider usable at once, when a domain is verified", async () => {
    await withTenant(acme.tenant.id, (tx) =>
      tx.ssoDomain.create({ data: { tenantId: acme.tenant.id, domain: `${acme.tenant.slug}.example`, verificationToken: "a".repeat(32), status: "VERIFIED", verifiedDomain: `${acme.tenant.slug}.example`, verifiedAt: new Date() } }),
    );
    forgetTenantSso(acme.tenant.slug);
    expect((await loadSsoSettings(acme.tenant.id)).status).toBe("on");
    expect((await loadTenantSso(acme.tenant.slug))?.clientSecret).toBe("first-secret-value");
  });

  it("keeps the stored secret when the field is left blank, and logs only what changed", async () => {
    const sealed = await storedSecret();
    expect(await saveSsoSettings(await access(), input({ clientSecret: null, clientId: "vouchsafe-2" }), meta)).toEqual({ ok: true, changed: ["clientId"] });
    expect(await storedSecret()).toBe(sealed);
    expect((await loadTenantSso(acme.tenant.slug))?.clientId).toBe("vouchsafe-2");
    expect((await ssoEvents()).at(-1)!.data).toMatchObject({ changed: ["clientId"] });
  });

  it("writes and logs nothing when nothing changed", async () => {
    const before = (await ssoEvents()).length;
    expect(await saveSsoSettings(await access(), input({ clientSecret: null, clientId: "vouchsafe-2" }), meta)).toEqual({ ok: true, changed: [] });
    expect(await ssoEvents()).toHaveLength(before);
  });

  it("replaces the secret when a new one is entered", async () => {
    const sealed = await storedSecret();
    expect(await saveSsoSettings(await access(), input({ clientSecret: "second-secret-value", clientId: "vouchsafe-2" }), meta)).toEqual({ ok: true, changed: ["clientSecret"] });
    expect(await storedSecret()).not.toBe(sealed);
    expect((await loadTenantSso(acme.tenant.slug))?.clientSecret).toBe("second-secret-value");
    expect(JSON.stringify(await ssoEvents())).not.toContain("second-secret-value");
  });

  it("disables by clearing the provider, once; the verified domain stays", async () => {
    expect(await disableSso(await access(), meta)).toEqual({ changed: true });
    expect(await loadSsoSettings(acme.tenant.id)).toEqual(OFF);
    expect(await loadTenantSso(acme.tenant.slug)).toBeNull();
    expect((await ssoEvents()).at(-1)!.data).toEqual({ enabled: false, previousIssuer: `${base}/good` });
    expect(await withTenant(acme.tenant.id, (tx) => tx.ssoDomain.findMany({ where: { tenantId: acme.tenant.id }, select: { domain: true, status: true } }))).toEqual([
      { domain: `${acme.tenant.slug}.example`, status: "VERIFIED" },
    ]);
    const count = (await ssoEvents()).length;
    expect(await disableSso(await access(), meta)).toEqual({ changed: false });
    expect(await ssoEvents()).toHaveLength(count);
  });
});
