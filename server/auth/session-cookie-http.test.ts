import { describe, expect, it } from "vitest";

describe("the session cookie over plain http", () => {
  it("has no __Host- prefix and no Secure flag, and is still HttpOnly and SameSite=Lax", async () => {
    process.env.APP_ORIGIN = "http://localhost:3000";
    const { sessionCookieName, sessionCookieOptions } = await import("./session");
    expect(sessionCookieName()).toBe("vouchsafe.session");
    expect(sessionCookieOptions()).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
  });
});
