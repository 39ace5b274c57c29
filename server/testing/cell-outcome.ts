// How one cell of the authorization matrix ended, read from what the code under test did: what it
// returned or threw (a page's redirect()/forbidden()/notFound(), an action's form state, a route's
// Response) together with the typed errors it raised on the way (error-observer.ts). Only a raised
// AuthorizationError makes a denial; 404 also needs a raised AppError("notFound") or Next's notFound().
// Not a test file; imported by tests only.
import type { AppErrorCode } from "@/lib/errors";
import type { ObservedError } from "./error-observer";

export type DenialCode = "unauthenticated" | "forbidden" | "mfaRequired" | "notFound";
export type Expectation = "allowed" | DenialCode;

export type Outcome =
  | { verdict: "allowed"; via: string }
  | { verdict: "denied"; code: DenialCode; via: string }
  /** Neither a clean answer nor a typed denial: always a failure. */
  | { verdict: "broken"; detail: string };

interface Digest {
  digest?: unknown;
}

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const digest = (error as Digest).digest;
  return typeof digest === "string" ? digest : null;
}

/** NEXT_REDIRECT;replace;/signin/staff?next=…;307; → "/signin/staff?next=…" */
export function redirectTarget(error: unknown): string | null {
  const digest = digestOf(error);
  if (!digest?.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";").slice(2, -2).join(";");
}

function httpFallbackStatus(error: unknown): number | null {
  const digest = digestOf(error);
  const match = digest ? /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest) : null;
  return match ? Number(match[1]) : null;
}

/** Where a denial of this kind may send a browser: sign-in, or the second factor / its enrolment. */
export function denialRedirectAllowed(code: AppErrorCode, target: string): boolean {
  if (code === "unauthenticated") return target.startsWith("/signin");
  if (code === "mfaRequired") return target.startsWith("/signin/mfa") || target.startsWith("/account/security");
  return false;
}

export interface CellEvidence {
  /** The value the entry returned, when it did not throw. */
  returned?: unknown;
  thrown?: unknown;
  didThrow: boolean;
  errors: readonly ObservedError[];
  /** console.error lines: the app logs unexpected failures there. */
  logged: readonly string[];
}

export function classifyOutcome(evidence: CellEvidence): Outcome {
  const authorization = evidence.errors.find((e) => e.kind === "authorization");
  const notFound = evidence.errors.some((e) => e.kind === "app" && e.code === "notFound");
  const denial = (via: string): Outcome =>
    authorization ? { verdict: "denied", code: authorization.code as DenialCode, via } : { verdict: "broken", detail: `${via} without a typed AuthorizationError` };

  if (evidence.didThrow) {
    const error = evidence.thrown;
    const target = redirectTarget(error);
    if (target !== null) {
      if (!authorization) {
        // Actions answer "not found" by sending the browser back to their page with ?error=notFound.
        return notFound ? { verdict: "denied", code: "notFound", via: `redirect ${target} (AppError notFound)` } : { verdict: "allowed", via: `redirect ${target}` };
      }
      return denialRedirectAllowed(authorization.code, target)
        ? { verdict: "denied", code: authorization.code as DenialCode, via: `redirect ${target}` }
        : { verdict: "broken", detail: `AuthorizationError(${authorization.code}) answered by redirect to ${target}` };
    }
    const status = httpFallbackStatus(error);
    if (status === 403 || status === 401) return denial(`${status === 403 ? "forbidden()" : "unauthorized()"}`);
    if (status === 404) return authorization ? denial("notFound()") : { verdict: "denied", code: "notFound", via: "notFound()" };
    if (error instanceof Error && error.name === "AuthorizationError") return denial(`throw AuthorizationError(${(error as Error & { code: string }).code})`);
    if (error instanceof Error && error.name === "AppError" && (error as Error & { code: string }).code === "notFound") {
      return { verdict: "denied", code: "notFound", via: "throw AppError(notFound)" };
    }
    return { verdict: "broken", detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }

  const value = evidence.returned;
  if (value instanceof Response) {
    const status = value.status;
    if (status >= 500) return { verdict: "broken", detail: `HTTP ${status}` };
    if (status === 401 || status === 403) return denial(`HTTP ${status}`);
    if (status === 404 && notFound) return authorization ? denial("HTTP 404") : { verdict: "denied", code: "notFound", via: "HTTP 404" };
    if (status >= 300 && status < 400) {
      const target = value.headers.get("location") ?? "";
      if (authorization) {
        return denialRedirectAllowed(authorization.code, new URL(target, "http://x").pathname)
          ? { verdict: "denied", code: authorization.code as DenialCode, via: `HTTP ${status} → ${target}` }
          : { verdict: "broken", detail: `AuthorizationError(${authorization.code}) answered by HTTP ${status} → ${target}` };
      }
      return { verdict: "allowed", via: `HTTP ${status} → ${target}` };
    }
    if (authorization) return { verdict: "broken", detail: `AuthorizationError(${authorization.code}) raised but HTTP ${status} answered` };
    return { verdict: "allowed", via: `HTTP ${status}` };
  }
  if (evidence.logged.length > 0) return { verdict: "broken", detail: `logged an unexpected error: ${evidence.logged.join(" | ").slice(0, 300)}` };
  const formStatus = isFormState(value) ? value.status : null;
  if (authorization) {
    // An action may catch the denial and answer with a message; it must not report success.
    return formStatus === "success" ? { verdict: "broken", detail: `AuthorizationError(${authorization.code}) raised but the action succeeded` } : denial(`form state "${formStatus ?? typeof value}"`);
  }
  if (formStatus === "error" && notFound) return { verdict: "denied", code: "notFound", via: "form state error (AppError notFound)" };
  return { verdict: "allowed", via: formStatus ? `form state "${formStatus}"` : `returned ${value === undefined ? "nothing" : typeof value}` };
}

function isFormState(value: unknown): value is { status: string } {
  return typeof value === "object" && value !== null && "status" in value && typeof (value as { status: unknown }).status === "string";
}

export function describeOutcome(outcome: Outcome): string {
  if (outcome.verdict === "allowed") return `allowed (${outcome.via})`;
  if (outcome.verdict === "denied") return `denied ${outcome.code} (${outcome.via})`;
  return `BROKEN: ${outcome.detail}`;
}

export function outcomeMatches(outcome: Outcome, expected: Expectation): boolean {
  if (expected === "allowed") return outcome.verdict === "allowed";
  return outcome.verdict === "denied" && outcome.code === expected;
}
