import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffRole } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
import type { FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import type { MemberRow } from "@/server/members/queries";
import { MemberRolesForm } from "./member-roles-form";
import type { RoleOption } from "./role-checkboxes";

/** What the viewer may do with one member: decided by the page from the same rules the server enforces. */
export interface MemberControls {
  editRoles: boolean;
  remove: boolean;
  /** Offered for other members only: one's own factor is managed on the security page. */
  resetMfa: boolean;
  manageOwner: boolean;
  lastOwner: boolean;
  /** Why controls are missing, if they are. */
  hint?: string;
}

interface Props {
  members: ReadonlyArray<MemberRow & { controls: MemberControls }>;
  viewerId: string;
  slug: string;
  locale: Locale;
  timeZone: string;
  roleOptions: readonly RoleOption[];
  changeRolesAction: (state: FormState, formData: FormData) => Promise<FormState>;
  resetMfaAction: (formData: FormData) => Promise<void>;
}

export async function MemberList({ members, viewerId, slug, locale, timeZone, roleOptions, changeRolesAction, resetMfaAction }: Props) {
  const t = await getTranslations({ locale, namespace: "members" });
  const roleLabel = (role: StaffRole) => roleOptions.find((option) => option.role === role)?.label ?? role;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="member-list">
      {members.map((member) => {
        const display = member.name ?? member.email;
        const resetMfa = member.controls.resetMfa && member.userId !== viewerId;
        return (
          <li key={member.id} className="space-y-3 px-4 py-4" data-testid="member" data-email={member.email}>
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <span className="break-all">{display}</span>
                  {member.userId === viewerId ? <Badge tone="blue">{t("list.you")}</Badge> : null}
                </p>
                {member.name ? <p className="break-all text-sm text-slate-700">{member.email}</p> : null}
                <p className="text-sm text-slate-600">{t("list.since", { date: formatDate(member.since.toISOString(), locale, timeZone) })}</p>
              </div>
              <ul aria-label={t("list.rolesLabel")} className="flex flex-wrap gap-1.5" data-testid="member-roles">
                {member.roles.map((role) => (
                  <li key={role}>
                    <Badge tone={role === "OWNER" ? "brand" : "neutral"}>{roleLabel(role)}</Badge>
                  </li>
                ))}
              </ul>
            </div>
            {member.controls.editRoles || member.controls.remove || resetMfa ? (
              <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
                {member.controls.editRoles ? (
                  <details className="group min-w-0 flex-1 basis-64">
                    <summary className="cursor-pointer text-sm font-medium text-slate-900 underline-offset-4 hover:underline" data-testid="edit-roles">
                      <span aria-hidden="true">{t("roles.edit")}</span>
                      <span className="sr-only">{t("roles.editLabel", { member: display })}</span>
                    </summary>
                    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-4">
                      <MemberRolesForm
                        action={changeRolesAction}
                        memberId={member.id}
                        roles={roleOptions}
                        current={member.roles}
                        legend={t("roles.legend", { member: display })}
                        mayManageOwner={member.controls.manageOwner}
                        lockedOwner={member.controls.lastOwner}
                        hint={member.controls.lastOwner ? t("roles.lastOwner") : undefined}
                        labels={{ save: t("roles.save"), pending: t("roles.saving") }}
                      />
                    </div>
                  </details>
                ) : null}
                {member.controls.remove ? (
                  <Link href={`/${slug}/admin/members/${member.id}/remove`} className="text-sm font-medium text-rose-800" data-testid="remove-member">
                    <span aria-hidden="true">{t("remove.link")}</span>
                    <span className="sr-only">{t("remove.linkLabel", { member: display })}</span>
                  </Link>
                ) : null}
                {resetMfa ? (
                  <details className="min-w-0 basis-64">
                    <summary className="cursor-pointer text-sm font-medium text-slate-900 underline-offset-4 hover:underline" data-testid="reset-mfa">
                      <span aria-hidden="true">{t("mfaReset.link")}</span>
                      <span className="sr-only">{t("mfaReset.linkLabel", { member: display })}</span>
                    </summary>
                    <form action={resetMfaAction} className="mt-3 space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
                      <p className="text-sm text-amber-950">{t("mfaReset.confirm", { member: display })}</p>
                      <input type="hidden" name="memberId" value={member.id} />
                      <button type="submit" className="rounded-md bg-amber-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-900" data-testid="reset-mfa-confirm">
                        {t("mfaReset.button")}
                      </button>
                    </form>
                  </details>
                ) : null}
              </div>
            ) : null}
            {member.controls.hint ? <p className="text-sm text-slate-600">{member.controls.hint}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
