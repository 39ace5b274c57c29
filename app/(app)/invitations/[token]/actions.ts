"use server";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { currentSession } from "@/server/auth/session";
import { acceptInvitation } from "@/server/members/accept-invitation";
import { requestMeta } from "@/server/request-context";

/**
 * The Accept button (a POST: opening the link changes nothing, so mail scanners cannot use it up).
 * The token is bound by the page from its route; any refusal sends the user back to the page,
 * which then explains it (signed out, another address, or the neutral "invalid or expired").
 */
export async function acceptInvitationAction(token: string): Promise<void> {
  const invitationPath = `/invitations/${encodeURIComponent(token)}`;
  const session = await currentSession();
  if (!session) redirect(`/signin?next=${encodeURIComponent(invitationPath)}`);
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
