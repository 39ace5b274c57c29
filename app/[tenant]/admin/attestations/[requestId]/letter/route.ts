import { AuthorizationError, isAppError } from "@/lib/errors";
import { downloadLetterAsStaff, requireLetterStaff } from "@/server/attestations/letter-download";
import { letterResponse, notFoundResponse } from "@/server/attestations/letter-response";
import { requestMeta } from "@/server/request-context";

// GET /{tenant}/admin/attestations/{requestId}/letter: the issued letter for the tenant's reviewers,
// owners and admins. Another tenant's request is a 404; the download is audited.

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; requestId: string }> }) {
  const { tenant: slug, requestId } = await params;
  const path = `/${slug}/admin/attestations/${encodeURIComponent(requestId)}`;
  try {
    const access = await requireLetterStaff(slug);
    return letterResponse(await downloadLetterAsStaff(access, requestId, await requestMeta()));
  } catch (error) {
    if (error instanceof AuthorizationError && error.code === "unauthenticated") return Response.redirect(new URL(`/signin/staff?next=${encodeURIComponent(path)}`, request.url), 303);
    if (error instanceof AuthorizationError && error.code === "mfaRequired") return Response.redirect(new URL(`/signin/mfa?next=${encodeURIComponent(path)}`, request.url), 303);
    if (error instanceof AuthorizationError) return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    if (isAppError(error) && error.code === "notFound") return notFoundResponse();
    throw error;
  }
}
