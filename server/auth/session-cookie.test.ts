import { afterAll, describe, expect, it } from "vitest";

// process.env outlives this file in the worker: put APP_ORIGIN back.
const original = process.env.APP_ORIGIN;
afterAll(() => {
  if (original === undefined) delete process.env.APP_ORIGIN;
  else process.env.APP_ORIGIN = original;
});

// Served over HTTPS (production), the session cookie is __Host- prefixed and Secure: bound to this
// exact origin, never sent in clear, never set by a sibling subdomain. Over plain http (local demo,
// tests) browsers would drop such a cookie, so it is a plain name there.
describe("the session cookie", () => {
  it("is __Host-vouchsafe.session, Secure, HttpOnly, SameSite=Lax, Path=/ over https", async () => {
    process.env.APP_ORIGIN = "https://trust.example.com";
    const { sessionCookieName, sessionCookieOptions } = await import("./session");
    expect(sessionCookieName()).toBe("__Host-vouchsafe.session");
    expect(sessionCookieOptions()).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
  });
});
