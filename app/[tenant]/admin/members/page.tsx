import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { InvitationList } from "@/components/members/invitation-list";
import { InviteForm } from "@/components/members/invite-form";
import { MemberList, type MemberControls } from "@/components/members/member-list";
import { roleOptions } from "@/components/members/role-options";
import { FormAlert } from "@/components/ui/form-alert";
import { hasPermission, type StaffRole } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listInvitations, listMembers, tenantTimeZone } from "@/server/members/queries";
import { isLastOwner, mayManageOwners, mayTouchMember } from "@/server/members/rules";
import { changeRolesAction, inviteMemberAction, resetMemberMfaAction, revokeInvitationAction } from "./actions";

type Params = Promise<{ tenant: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES = ["removed", "revoked", "mfaReset"] as const;
const ERRORS = ["lastOwner", "ownerOnly", "notFound", "self"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "members" });
  return { title: t("title") };
}

export default async function MembersPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/members`;
  const access = await guardConsolePage(slug, "members.view", path);
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "members" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const [members, invitations, timeZone, options] = await Promise.all([listMembers(access.tenant.id), listInvitations(access.tenant.id), tenantTimeZone(access.tenant.id), roleOptions(locale)]);

  // The same rules the server enforces (server/members/rules.ts): controls it would refuse are not shown.
  const viewer = access.roles;
  const owners = members.filter((member) => member.roles.includes("OWNER")).length;
  const controlsFor = (roles: StaffRole[]): MemberControls => {
    const touch = mayTouchMember(viewer, roles);
    const lastOwner = isLastOwner(roles, owners);
    const editRoles = touch && hasPermission(viewer, "members.changeRoles");
    const remove = touch && !lastOwner && hasPermission(viewer, "members.remove");
    const resetMfa = touch && hasPermission(viewer, "members.resetMfa");
    return { editRoles, remove, resetMfa, manageOwner: mayManageOwners(viewer), lastOwner, hint: touch ? undefined : t("roles.ownerOnly") };
  };
  const mayInvite = hasPermission(viewer, "members.invite");
  const notice = NOTICES.find((code) => query.notice === code);
  const error = ERRORS.find((code) => query.error === code);
  const roleLabel = (role: StaffRole) => options.find((option) => option.role === role)?.label ?? role;

  return (
    <ConsoleShell access={access} locale={locale} active="members" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
        </div>
        {notice ? <FormAlert tone="success" testId="members-notice">{t(`notice.${notice}`)}</FormAlert> : null}
        {error ? <FormAlert tone="error" testId="members-error">{t(`errors.${error}`)}</FormAlert> : null}
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-8">
            <section aria-labelledby="members-heading" className="space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="members-heading" className="text-lg font-semibold">
                  {t("list.heading")}
                </h2>
                <p className="text-sm text-slate-600">{t("list.count", { count: members.length })}</p>
              </div>
              <MemberList
                members={members.map((member) => ({ ...member, controls: controlsFor(member.roles) }))}
                viewerId={access.session.user.id}
                slug={slug}
                locale={locale}
                timeZone={timeZone}
                roleOptions={options}
                changeRolesAction={changeRolesAction.bind(null, slug)}
                resetMfaAction={resetMemberMfaAction.bind(null, slug)}
              />
            </section>
            {mayInvite ? (
              <section aria-labelledby="invitations-heading" className="space-y-3">
                <h2 id="invitations-heading" className="text-lg font-semibold">
                  {t("invitations.heading")}
                </h2>
                <InvitationList
                  invitations={invitations.map((invitation) => ({ ...invitation, revocable: !invitation.roles.includes("OWNER") || mayManageOwners(viewer) }))}
                  locale={locale}
                  timeZone={timeZone}
                  roleLabel={roleLabel}
                  revokeAction={revokeInvitationAction.bind(null, slug)}
                />
              </section>
            ) : null}
          </div>
          {mayInvite ? (
            <section aria-labelledby="invite-heading" className="space-y-3 self-start rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="invite-heading" className="text-lg font-semibold">
                {t("invite.heading")}
              </h2>
              <p className="text-sm text-slate-700">{t("invite.intro")}</p>
              <InviteForm
                action={inviteMemberAction.bind(null, slug)}
                roles={options}
                mayInviteOwner={mayManageOwners(viewer)}
                locales={LOCALES.map((value) => ({ value, label: tc(`language.${value}`) }))}
                defaultLocale={locale}
                labels={{ email: t("invite.email"), roles: t("invite.roles"), locale: t("invite.locale"), submit: t("invite.submit"), pending: t("invite.pending") }}
              />
            </section>
          ) : null}
        </div>
      </div>
    </ConsoleShell>
  );
}
