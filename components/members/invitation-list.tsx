import { getTranslations } from "next-intl/server";
import type { StaffRole } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import type { InvitationRow } from "@/server/members/queries";

interface Props {
  invitations: ReadonlyArray<InvitationRow & { revocable: boolean }>;
  locale: Locale;
  timeZone: string;
  roleLabel: (role: StaffRole) => string;
  revokeAction: (formData: FormData) => Promise<void>;
}

export async function InvitationList({ invitations, locale, timeZone, roleLabel, revokeAction }: Props) {
  const t = await getTranslations({ locale, namespace: "members" });
  if (invitations.length === 0) return <p className="text-sm text-slate-700" data-testid="no-invitations">{t("invitations.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="invitation-list">
      {invitations.map((invitation) => {
        const date = formatDate(invitation.expiresAt.toISOString(), locale, timeZone);
        return (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3" data-testid="invitation" data-email={invitation.email}>
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className="break-all font-medium text-slate-900">{invitation.email}</span>
                <Badge tone={invitation.status === "pending" ? "amber" : "neutral"}>{t(`invitations.${invitation.status}`)}</Badge>
              </p>
              <p className="text-sm text-slate-700">{invitation.roles.map(roleLabel).join(", ")}</p>
              <p className="text-sm text-slate-600">
                {invitation.status === "pending" ? t("invitations.expires", { date }) : t("invitations.expiredOn", { date })}
                {invitation.invitedBy ? ` · ${t("invitations.invitedBy", { email: invitation.invitedBy })}` : null}
              </p>
            </div>
            {invitation.revocable ? (
              <form action={revokeAction}>
                <input type="hidden" name="invitationId" value={invitation.id} />
                <SubmitButton variant="secondary">
                  <span aria-hidden="true">{t("invitations.revoke")}</span>
                  <span className="sr-only">{t("invitations.revokeLabel", { email: invitation.email })}</span>
                </SubmitButton>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
