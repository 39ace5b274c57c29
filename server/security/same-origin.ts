import "server-only";
import { AppError } from "@/lib/errors";
import { originProblem } from "@/lib/security/same-origin";
import { env } from "../env";

/** A state-changing request that did not come from a page of this site (CSRF). */
export class CrossOriginRequestError extends AppError {
  constructor(readonly problem: "missing" | "foreign") {
    super("forbidden", `cross-origin request (${problem} Origin)`);
    this.name = "CrossOriginRequestError";
  }
}

/**
 * First line of every mutating route handler (POST/PUT/PATCH/DELETE in app/**\/route.ts): throws
 * unless the Origin header is APP_ORIGIN or the origin of the request's own host; a missing Origin
 * is rejected too (browsers always send it on these methods). Safe methods pass unchecked — they
 * must not change state at all (route-handlers.test.ts holds every handler to both rules).
 * Server actions need no call: Next compares Origin with Host before running one, and proxy.ts
 * applies the same rule to every mutating request of the signed-in area.
 */
export function assertSameOrigin(request: Request): void {
  const problem = originProblem(
    { method: request.method, origin: request.headers.get("origin"), host: request.headers.get("host") },
    env().APP_ORIGIN,
  );
  if (problem) throw new CrossOriginRequestError(problem);
}

/** The answer to a request assertSameOrigin rejected: 403, nothing else said. */
export function crossOriginResponse(): Response {
  return new Response("Forbidden: cross-origin request", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
}
