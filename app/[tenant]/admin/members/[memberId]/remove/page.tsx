import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listMembers } from "@/server/members/queries";
import { isLastOwner, mayTouchMember } from "@/server/members/rules";
import { removeMemberAction } from "../../actions";

// The confirmation step of removing a member: a page of its own, so it works without JavaScript
// and the destructive POST is never one click away from the list.

type Params = Promise<{ tenant: string; memberId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "members" });
  return { title: t("remove.confirm") };
}

export default async function RemoveMemberPage({ params }: { params: Params }) {
  const { tenant: slug, memberId } = await params;
  const membersPath = `/${slug}/admin/members`;
  const access = await guardConsolePage(slug, "members.remove", `${membersPath}/${memberId}/remove`);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "members" });
  const members = await listMembers(access.tenant.id);
  // Another tenant's member id, or one already removed: 404, like any foreign object.
  const member = members.find((candidate) => candidate.id === memberId);
  if (!member) notFound();
  const owners = members.filter((candidate) => candidate.roles.includes("OWNER")).length;
  const allowed = mayTouchMember(access.roles, member.roles) && !isLastOwner(member.roles, owners);
  const display = member.name ? `${member.name} (${member.email})` : member.email;

  return (
    <ConsoleShell access={access} locale={locale} active="members" path={`${membersPath}/${memberId}/remove`}>
      <div className="max-w-xl space-y-6">
        <h1 className="break-words text-2xl font-semibold tracking-tight">{t("remove.title", { member: display })}</h1>
        {allowed ? (
          <>
            <p className="text-slate-700">{t("remove.body", { member: display })}</p>
            <div className="flex flex-wrap items-center gap-3">
              <form action={removeMemberAction.bind(null, slug)}>
                <input type="hidden" name="memberId" value={member.id} />
                <SubmitButton variant="danger" pendingLabel={t("remove.pending")}>
                  {t("remove.confirm")}
                </SubmitButton>
              </form>
              <Link href={membersPath} className={buttonClass("secondary")}>
                {t("remove.cancel")}
              </Link>
            </div>
          </>
        ) : (
          <>
            <Notice tone="warning" testId="remove-not-allowed">
              {isLastOwner(member.roles, owners) ? t("errors.lastOwner") : t("errors.ownerOnly")}
            </Notice>
            <Link href={membersPath} className={buttonClass("secondary")}>
              {t("remove.cancel")}
            </Link>
          </>
        )}
      </div>
    </ConsoleShell>
  );
}
