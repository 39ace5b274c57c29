import { revalidateTag } from "next/cache";
import { AuthorizationError } from "@/lib/errors";
import { findTenantRef } from "@/server/auth/guard";
import { assertSameOrigin, crossOriginResponse } from "@/server/security/same-origin";
import { tenantTag } from "@/server/trust-center/cache-tags";
import { authorizeRevalidation, SIGNATURE_HEADER } from "@/server/trust-center/revalidate-signature";

// Drops one tenant's cached public pages when a signed request asks (server/trust-center/revalidate.ts):
// how the worker makes a scheduled version current at its effective date without a deploy. No cookie
// is read here; the signature is the only credential. The sender states APP_ORIGIN as its Origin, so
// the same-origin rule every mutating handler follows holds here too (and proxy.ts needs no exception).

const MAX_BODY_BYTES = 1024;

function parseBody(text: string): unknown {
  if (text.length > MAX_BODY_BYTES) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch {
    return crossOriginResponse();
  }
  let slug: string;
  try {
    slug = authorizeRevalidation(parseBody(await request.text()), request.headers.get(SIGNATURE_HEADER));
  } catch (error) {
    if (error instanceof AuthorizationError) return new Response(null, { status: 401 });
    throw error;
  }
  if (!(await findTenantRef(slug))) return new Response(null, { status: 404 });
  revalidateTag(tenantTag(slug), { expire: 0 });
  return new Response(null, { status: 204 });
}
