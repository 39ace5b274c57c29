import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// How proxy.ts serves /verify: like the signed-in area (per-request nonce CSP, never cached), the
// page for a browser and the JSON route for a client that asks for JSON, with Vary: Accept on both;
// the file-check upload only from our own pages.
process.env.APP_ORIGIN = "https://vouchsafe.example";

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`https://vouchsafe.example${path}`, { method: init.method ?? "GET", headers: { host: "vouchsafe.example", ...init.headers } }));

const CODE = "7KQ2M-9XD4F-HW3RT-C8NP5";
const NONCE_CSP = /script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/;

describe("proxy: /verify/{code}", () => {
  it("serves a browser the page, with the signed-in area's nonce CSP and Vary: Accept", async () => {
    const response = await call(`/verify/${CODE}`, { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toMatch(NONCE_CSP);
    expect(response.headers.get("vary")).toBe("accept");
  });

  it("rewrites a JSON client to the JSON route, same public URL", async () => {
    const response = await call(`/verify/${CODE}`, { headers: { accept: "application/json" } });
    expect(response.headers.get("x-middleware-rewrite")).toBe(`https://vouchsafe.example/verify/${CODE}/json`);
    expect(response.headers.get("vary")).toBe("accept");
    // Not for the lookup page or the upload below it.
    expect((await call("/verify", { headers: { accept: "application/json" } })).headers.get("x-middleware-rewrite")).toBeNull();
    expect((await call(`/verify/${CODE}/check`, { headers: { accept: "application/json" } })).headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("takes the file-check upload only from our own origin", async () => {
    for (const headers of [{ origin: "https://evil.example" }, {} as Record<string, string>]) {
      const response = await call(`/verify/${CODE}/check`, { method: "POST", headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await call(`/verify/${CODE}/check`, { method: "POST", headers: { origin: "https://vouchsafe.example" } })).status).not.toBe(403);
  });
});
