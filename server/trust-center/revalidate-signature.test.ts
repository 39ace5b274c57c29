import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/errors";
import { authorizeRevalidation, MAX_SKEW_MS, newRevalidationRequest, signRevalidation, verifyRevalidation } from "./revalidate-signature";

describe("signed internal revalidation requests", () => {
  it("accepts a fresh signed request once, for the slug that was signed", () => {
    const now = Date.now();
    const { body, signature } = newRevalidationRequest("mpmx", now);
    expect(verifyRevalidation(body, signature, now + 1_000)).toEqual({ ok: true, slug: "mpmx" });
    expect(verifyRevalidation(body, signature, now + 2_000)).toEqual({ ok: false, refusal: "replayed" });
  });

  it("cannot be turned against another tenant or altered", () => {
    const now = Date.now();
    const { body, signature } = newRevalidationRequest("mpmx", now);
    expect(verifyRevalidation({ ...body, slug: "nordlicht" }, signature, now)).toEqual({ ok: false, refusal: "signature" });
    expect(verifyRevalidation({ ...body, timestamp: now + 1 }, signature, now)).toEqual({ ok: false, refusal: "signature" });
    expect(verifyRevalidation({ ...body, nonce: "0".repeat(32) }, signature, now)).toEqual({ ok: false, refusal: "signature" });
    expect(verifyRevalidation(body, signature.replace(/^./, (c) => (c === "0" ? "1" : "0")), now)).toEqual({ ok: false, refusal: "signature" });
  });

  it("expires after the allowed clock skew, in both directions", () => {
    const now = Date.now();
    const old = newRevalidationRequest("mpmx", now - MAX_SKEW_MS - 1);
    const future = newRevalidationRequest("mpmx", now + MAX_SKEW_MS + 1);
    expect(verifyRevalidation(old.body, old.signature, now)).toEqual({ ok: false, refusal: "expired" });
    expect(verifyRevalidation(future.body, future.signature, now)).toEqual({ ok: false, refusal: "expired" });
  });

  it("refuses malformed requests before computing anything of value", () => {
    const now = Date.now();
    const { body, signature } = newRevalidationRequest("mpmx", now);
    for (const [candidate, sig] of [
      [null, signature],
      [body, null],
      [body, "nothex"],
      [{ ...body, slug: "../admin" }, signature],
      [{ ...body, slug: "api" }, signature],
      [{ ...body, timestamp: String(now) }, signature],
      [{ ...body, nonce: "short" }, signature],
    ] as const) {
      expect(verifyRevalidation(candidate, sig, now)).toEqual({ ok: false, refusal: "malformed" });
    }
  });

  it("answers a refusal with the typed denial the route turns into 401", () => {
    const body = { slug: "mpmx", timestamp: Date.now(), nonce: "a".repeat(32) };
    expect(() => authorizeRevalidation(body, "0".repeat(64))).toThrow(AuthorizationError);
    expect(authorizeRevalidation(body, signRevalidation(body))).toBe("mpmx");
  });
});
