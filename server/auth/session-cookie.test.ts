import { describe, expect, it } from "vitest";

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
