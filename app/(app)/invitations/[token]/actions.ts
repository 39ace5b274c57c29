"use server";
import { redirect } from "next/navigation";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { requireUser } from "@/server/auth/guard";
import type { CurrentSession } from "@/server/auth/session";
import { acceptInvitation } from "@/server/members/accept-invitation";
import { requestMeta } from "@/server/request-context";

/**
 * The Accept button (a POST: opening the link changes nothing, so mail scanners cannot use it up).
 * The token is bound by the page from its route; any refusal sends the user back to the page,
 * which then explains it (signed out, another address, or the neutral "invalid or expired").
 */
export async function acceptInvitationAction(token: string): Promise<void> {
  const invitationPath = `/invitations/${encodeURIComponent(token)}`;
  let session: CurrentSession;
  try {
    ({ session } = await requireUser());
  } catch (error) {
    // Signed out meanwhile: the customer sign-in page (an email link), then back to this page.
    if (error instanceof AuthorizationError && error.code === "mfaRequired") redirect(`/signin/mfa?next=${encodeURIComponent(invitationPath)}`);
    if (error instanceof AuthorizationError) redirect(`/signin?next=${encodeURIComponent(invitationPath)}`);
    throw error;
  }
  let slug: string;
  try {
    ({ tenant: { slug } } = await acceptInvitation({ token, session, meta: await requestMeta() }));
  } catch (error) {
    if (isAppError(error) && (error.code === "invalid" || error.code === "forbidden")) redirect(invitationPath);
    throw error;
  }
  // The console's guard takes a staff member without a second factor to the MFA enrolment first.
  redirect(`/${slug}/admin`);
}
