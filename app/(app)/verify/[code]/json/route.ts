import { isAppError } from "@/lib/errors";
import { verifyLetter } from "@/server/attestations/verify";
import { requestMeta } from "@/server/request-context";

// GET /verify/{code} with Accept: application/json (proxy.ts rewrites here): the letter's public
// facts (status, issuer, recipient company, certifications, dates, the PDF's SHA-256), nothing
// personal. Unknown and malformed codes: the same 404 body. Rate-limited per IP address.

const json = (body: unknown, status: number, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", vary: "accept", "x-content-type-options": "nosniff", ...extra },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  try {
    const verification = await verifyLetter(code, await requestMeta());
    return verification ? json(verification, 200) : json({ error: "notFound" }, 404);
  } catch (error) {
    if (isAppError(error) && error.code === "rateLimited") {
      return json({ error: "rateLimited" }, 429, { "retry-after": String(error.details?.retryAfterSeconds ?? 60) });
    }
    throw error;
  }
}
