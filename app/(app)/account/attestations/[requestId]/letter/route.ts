import { AuthorizationError } from "@/lib/errors";
import { downloadLetterAsRequester } from "@/server/attestations/letter-download";
import { requireUser } from "@/server/auth/guard";
import { requestMeta } from "@/server/request-context";
import { letterResponse, notFoundResponse } from "@/server/attestations/letter-response";

// GET /account/attestations/{requestId}/letter: the requester's issued letter (PDF). Someone else's
// request, or one without a letter, is a 404. The download is audited in the tenant's log.

export async function GET(request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const path = `/account/attestations/${encodeURIComponent(requestId)}/letter`;
  let user;
  try {
    user = (await requireUser()).session.user;
  } catch (error) {
    if (error instanceof AuthorizationError && error.code === "unauthenticated") return Response.redirect(new URL(`/signin?next=${encodeURIComponent(path)}`, request.url), 303);
    if (error instanceof AuthorizationError && error.code === "mfaRequired") return Response.redirect(new URL(`/signin/mfa?next=${encodeURIComponent(path)}`, request.url), 303);
    throw error;
  }
  const file = await downloadLetterAsRequester({ id: user.id, email: user.email }, requestId, await requestMeta());
  return file ? letterResponse(file) : notFoundResponse();
}
