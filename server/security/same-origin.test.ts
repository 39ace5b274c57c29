import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { assertSameOrigin, CrossOriginRequestError, crossOriginResponse } from "./same-origin";

// env() is parsed once per test file: this file's APP_ORIGIN.
process.env.APP_ORIGIN = "https://vouchsafe.example";

const request = (method: string, headers: Record<string, string>) => new Request("https://vouchsafe.example/mpmx/admin/audit/export", { method, headers });

describe("assertSameOrigin", () => {
  it("lets a mutating request from APP_ORIGIN or the request's own host through", () => {
    expect(() => assertSameOrigin(request("POST", { origin: "https://vouchsafe.example", host: "10.0.0.5:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(request("DELETE", { origin: "https://trust.mpmx.example", host: "trust.mpmx.example" }))).not.toThrow();
  });

  it("throws a typed 'forbidden' error for a foreign or missing Origin", () => {
    const foreign = (() => {
      try {
        assertSameOrigin(request("POST", { origin: "https://evil.example", host: "vouchsafe.example" }));
      } catch (error) {
        return error;
      }
    })();
    expect(foreign).toBeInstanceOf(CrossOriginRequestError);
    expect(isAppError(foreign) && foreign.code).toBe("forbidden");
    expect((foreign as CrossOriginRequestError).problem).toBe("foreign");
    expect(() => assertSameOrigin(request("PATCH", { host: "vouchsafe.example" }))).toThrow("cross-origin request (missing Origin)");
    expect(() => assertSameOrigin(request("PUT", { origin: "null", host: "vouchsafe.example" }))).toThrow("cross-origin request (missing Origin)");
    // The request's own host only counts with the site's scheme.
    expect(() => assertSameOrigin(request("POST", { origin: "http://trust.mpmx.example", host: "trust.mpmx.example" }))).toThrow("cross-origin request (foreign Origin)");
  });

  it("does not check GET and HEAD", () => {
    expect(() => assertSameOrigin(request("GET", { origin: "https://evil.example" }))).not.toThrow();
    expect(() => assertSameOrigin(request("HEAD", {}))).not.toThrow();
  });

  it("answers a rejected request with 403", async () => {
    const response = crossOriginResponse();
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Forbidden: cross-origin request");
  });
});
