import { describe, expect, it } from "vitest";
import { classifyOutcome, outcomeMatches, type CellEvidence } from "./cell-outcome";
import type { ObservedError } from "./error-observer";
import { expectedOutcome, PERSONAS } from "./matrix-expectations";

// The authorization matrix is only as strict as these two functions: an unguarded entry must show
// up as "allowed" (so a cell expecting a denial fails), and a denial without the typed error as broken.

const raised = (code: ObservedError["code"], kind: ObservedError["kind"] = "authorization"): ObservedError => ({ kind, code, message: code });
const digestError = (digest: string) => Object.assign(new Error(digest), { digest });
const returned = (value: unknown, errors: ObservedError[] = [], logged: string[] = []): CellEvidence => ({ returned: value, didThrow: false, errors, logged });
const thrown = (error: unknown, errors: ObservedError[] = []): CellEvidence => ({ thrown: error, didThrow: true, errors, logged: [] });

describe("classifyOutcome", () => {
  it("counts an answer without a raised AuthorizationError as allowed, whatever it looks like", () => {
    expect(classifyOutcome(returned({ status: "error", fieldErrors: { email: ["required"] } }))).toEqual({ verdict: "allowed", via: 'form state "error"' });
    expect(classifyOutcome(thrown(digestError("NEXT_REDIRECT;replace;/signin/staff?next=%2Fx;307;")))).toEqual({ verdict: "allowed", via: "redirect /signin/staff?next=%2Fx" });
    expect(outcomeMatches(classifyOutcome(returned({ status: "error" })), "unauthenticated")).toBe(false);
  });

  it("counts a denial only with the typed error behind it", () => {
    expect(classifyOutcome(thrown(digestError("NEXT_HTTP_ERROR_FALLBACK;403"), [raised("forbidden")]))).toEqual({ verdict: "denied", code: "forbidden", via: "forbidden()" });
    expect(classifyOutcome(thrown(digestError("NEXT_HTTP_ERROR_FALLBACK;403")))).toEqual({ verdict: "broken", detail: "forbidden() without a typed AuthorizationError" });
    expect(classifyOutcome(returned(new Response("no", { status: 403 })))).toEqual({ verdict: "broken", detail: "HTTP 403 without a typed AuthorizationError" });
    expect(classifyOutcome(returned({ status: "error", message: "no" }, [raised("mfaRequired")]))).toEqual({ verdict: "denied", code: "mfaRequired", via: 'form state "error"' });
  });

  it("refuses a denial that still succeeds or redirects somewhere else", () => {
    expect(classifyOutcome(returned({ status: "success" }, [raised("forbidden")])).verdict).toBe("broken");
    expect(classifyOutcome(returned(new Response("ok"), [raised("forbidden")])).verdict).toBe("broken");
    expect(classifyOutcome(thrown(digestError("NEXT_REDIRECT;replace;/elsewhere;307;"), [raised("unauthenticated")])).verdict).toBe("broken");
    expect(classifyOutcome(thrown(digestError("NEXT_REDIRECT;replace;/signin/mfa?next=%2Fx;307;"), [raised("mfaRequired")]))).toMatchObject({ verdict: "denied", code: "mfaRequired" });
  });

  it("answers 404 for another tenant's object only when it was not found", () => {
    expect(classifyOutcome(thrown(digestError("NEXT_HTTP_ERROR_FALLBACK;404")))).toMatchObject({ verdict: "denied", code: "notFound" });
    expect(classifyOutcome(returned({ status: "error" }, [raised("notFound", "app")]))).toMatchObject({ verdict: "denied", code: "notFound" });
    expect(classifyOutcome(returned(new Response("Not found", { status: 404 }))).verdict).toBe("allowed");
  });

  it("treats other exceptions, 5xx and logged errors as broken", () => {
    expect(classifyOutcome(thrown(new TypeError("x is undefined")))).toEqual({ verdict: "broken", detail: "threw TypeError: x is undefined" });
    expect(classifyOutcome(returned(new Response("boom", { status: 500 })))).toEqual({ verdict: "broken", detail: "HTTP 500" });
    expect(classifyOutcome(returned({ status: "error" }, [], ["[action] request 1 failed"])).verdict).toBe("broken");
  });
});

describe("expectedOutcome", () => {
  const persona = (name: string) => PERSONAS.find((p) => p.name === name)!;

  it("reads console expectations from PERMISSIONS, with the guard's order of checks", () => {
    const audit = { kind: "permission", permission: "audit.view" } as const;
    expect(expectedOutcome(audit, persona("anonymous"), "own")).toBe("unauthenticated");
    expect(expectedOutcome(audit, persona("customer"), "own")).toBe("forbidden");
    expect(expectedOutcome(audit, persona("ADMIN"), "own")).toBe("allowed");
    expect(expectedOutcome(audit, persona("ADMIN"), "other")).toBe("forbidden");
    expect(expectedOutcome(audit, persona("LEGAL_EDITOR"), "own")).toBe("forbidden");
    expect(expectedOutcome(audit, persona("OWNER without MFA-verified session"), "own")).toBe("mfaRequired");
    expect(expectedOutcome(audit, persona("OWNER without MFA-verified session"), "other")).toBe("forbidden");
    expect(expectedOutcome(audit, persona("OWNER"), "own", true)).toBe("notFound");
    expect(expectedOutcome(audit, persona("LEGAL_EDITOR"), "own", true)).toBe("forbidden");
  });

  it("has the explicit rules for the account and sign-in pages", () => {
    expect(expectedOutcome({ kind: "signedIn" }, persona("anonymous"), null)).toBe("unauthenticated");
    expect(expectedOutcome({ kind: "signedIn" }, persona("OWNER not yet enrolled in MFA"), null)).toBe("allowed");
    expect(expectedOutcome({ kind: "mfaSession" }, persona("customer"), null)).toBe("mfaRequired");
    expect(expectedOutcome({ kind: "public" }, persona("anonymous"), null)).toBe("allowed");
  });
});
