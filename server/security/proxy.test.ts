import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// proxy.ts on an https deployment (the e2e run is http): HSTS, the nonce handed to Next, the CSRF
// refusal and that nothing a client sends turns into a redirect. Requests name APP_ORIGIN's host,
// so no custom-domain lookup (database) happens here; e2e/custom-domain.spec.ts covers those.
process.env.APP_ORIGIN = "https://vouchsafe.example";

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`https://vouchsafe.example${path}`, { method: init.method ?? "GET", headers: { host: "vouchsafe.example", ...init.headers } }));

describe("proxy on https", () => {
  it("sends HSTS and upgrade-insecure-requests on public and signed-in pages", async () => {
    for (const path of ["/mpmx/measures", "/signin", "/mpmx/admin", "/api/v1/openapi.json"]) {
      const response = await call(path);
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
    }
  });

  it("hands the response's nonce to Next through the request's CSP header, for the signed-in area only", async () => {
    const response = await call("/account", { headers: { "content-security-policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" } });
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(policy).not.toContain("AAAAAAAAAAAAAAAAAAAAAA");
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-request-x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const cached = await call("/mpmx/measures", { headers: { "content-security-policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='", "x-nonce": "x" } });
    expect(cached.headers.get("x-middleware-rewrite")).toBe("https://vouchsafe.example/mpmx/_/measures");
    expect(cached.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'");
    // A client's CSP header would give the cached copy its nonce: it is dropped, not passed on.
    expect(cached.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    expect(cached.headers.get("x-middleware-request-x-nonce")).toBeNull();
    expect(cached.headers.get("x-middleware-override-headers")).not.toContain("content-security-policy");
  });

  it("refuses a mutating request from another origin or without one, on any path but the token API", async () => {
    for (const path of ["/signin/staff", "/mpmx/admin/audit/export", "/mpmx/measures", "/api/auth/callback/oidc-mpmx", "/"]) {
      for (const headers of [{ origin: "https://evil.example" }, {} as Record<string, string>, { origin: "http://vouchsafe.example" }]) {
        const response = await call(path, { method: "POST", headers });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text()).toBe("Forbidden: cross-origin request");
      }
      expect((await call(path, { method: "POST", headers: { origin: "https://vouchsafe.example" } })).status, path).not.toBe(403);
    }
    expect((await call("/api/v1/tokens", { method: "POST" })).status).not.toBe(403);
  });

  it("never answers with a redirect, whatever the path or query holds", async () => {
    for (const path of ["//evil.example", "/%2F%2Fevil.example", "/\\evil.example", "/signin?next=https://evil.example", "/account?callbackUrl=//evil.example",
      "/mpmx/measures?lang=https://evil.example", "/mpmx/admin/..%2F..%2Fevil"]) {
      const response = await call(path);
      expect(response.status, path).toBeLessThan(300);
      expect(response.headers.get("location"), path).toBeNull();
    }
  });
});
