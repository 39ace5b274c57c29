import { describe, expect, it } from "vitest";
import { isOriginCheckExempt, originProblem } from "./same-origin";

const APP = "https://vouchsafe.example";
const check = (method: string, origin: string | null, host: string | null = "vouchsafe.example", app = APP) => originProblem({ method, origin, host }, app);

describe("originProblem", () => {
  it("passes mutating requests from APP_ORIGIN or from the request's own host", () => {
    expect(check("POST", "https://vouchsafe.example")).toBeNull();
    // Behind a proxy that rewrites Host, APP_ORIGIN still matches.
    expect(check("POST", "https://vouchsafe.example", "127.0.0.1:3000")).toBeNull();
    // A tenant's custom domain is its own host.
    expect(check("DELETE", "https://trust.mpmx.example", "trust.mpmx.example")).toBeNull();
    expect(check("PUT", "https://trust.mpmx.example", "Trust.MPMX.example:443")).toBeNull();
    expect(check("PATCH", "http://127.0.0.1:3303", "127.0.0.1:3303", "http://127.0.0.1:3303")).toBeNull();
    expect(check("POST", "http://trust.mpmx.localhost:3303", "trust.mpmx.localhost:3303", "http://127.0.0.1:3303")).toBeNull();
  });

  it("rejects a missing or opaque Origin on every mutating method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(check(method, null)).toBe("missing");
      expect(check(method, "")).toBe("missing");
      expect(check(method, "null")).toBe("missing");
    }
  });

  it.each([
    ["another site", "https://evil.example", "vouchsafe.example"],
    ["a subdomain", "https://evil.vouchsafe.example", "vouchsafe.example"],
    ["a suffix match", "https://vouchsafe.example.evil.example", "vouchsafe.example"],
    ["http on an https site", "http://vouchsafe.example", "vouchsafe.example"],
    ["another port", "https://vouchsafe.example:8443", "vouchsafe.example"],
    ["a host the request was not sent to", "https://trust.mpmx.example", "vouchsafe.example"],
    ["a path in Origin", "https://vouchsafe.example/", "vouchsafe.example"],
    ["user info", "https://user@vouchsafe.example", "vouchsafe.example"],
    ["upper case (not how browsers serialize)", "https://VOUCHSAFE.example", "vouchsafe.example"],
    ["another scheme", "javascript:alert(1)", "vouchsafe.example"],
    ["garbage", "not a url", "vouchsafe.example"],
    ["an injected Host", "https://evil.example", "evil.example/x"],
    ["no Host header", "https://trust.mpmx.example", null],
  ])("rejects %s", (_name, origin, host) => {
    expect(check("POST", origin, host)).toBe("foreign");
  });

  it("does not check safe methods, which must not change state", () => {
    expect(check("GET", "https://evil.example")).toBeNull();
    expect(check("HEAD", null)).toBeNull();
    expect(check("OPTIONS", "null")).toBeNull();
  });
});

describe("isOriginCheckExempt", () => {
  it("exempts the bearer-token API, the one-click unsubscribe endpoint and nothing else", () => {
    expect(isOriginCheckExempt("/api/v1/tokens")).toBe(true);
    expect(isOriginCheckExempt("/api/unsubscribe/mpmx/abc")).toBe(true);
    expect(isOriginCheckExempt("/api/unsubscribe")).toBe(false);
    expect(isOriginCheckExempt("/mpmx/unsubscribe/abc")).toBe(false);
    expect(isOriginCheckExempt("/api/v1")).toBe(false);
    expect(isOriginCheckExempt("/api/v10/x")).toBe(false);
    expect(isOriginCheckExempt("/api/auth/callback/oidc-mpmx")).toBe(false);
    expect(isOriginCheckExempt("/mpmx/admin/audit/export")).toBe(false);
    expect(isOriginCheckExempt("/x/api/v1/")).toBe(false);
  });
});
