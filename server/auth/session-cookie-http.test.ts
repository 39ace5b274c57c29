import { afterAll, describe, expect, it } from "vitest";

// process.env outlives this file in the worker: put APP_ORIGIN back.
const original = process.env.APP_ORIGIN;
afterAll(() => {
  if (original === undefined) delete process.env.APP_ORIGIN;
  else process.env.APP_ORIGIN = original;
});

describe("the session cookie over plain http", () => {
  it("has no __Host- prefix and no Secure flag, and is still HttpOnly and SameSite=Lax", async () => {
    process.env.APP_ORIGIN = "http://localhost:3000";
    const { sessionCookieName, sessionCookieOptions } = await import("./session");
    expect(sessionCookieName()).toBe("vouchsafe.session");
    expect(sessionCookieOptions()).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
  });
});
