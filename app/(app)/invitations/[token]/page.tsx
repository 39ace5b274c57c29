import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { roleOptions } from "@/components/members/role-options";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/dates";
import { currentSession } from "@/server/auth/session";
import { appLocale } from "@/server/i18n/app-locale";
import { findOpenInvitation } from "@/server/members/accept-invitation";
import { tenantTimeZone } from "@/server/members/queries";
import { acceptInvitationAction } from "./actions";

// The link from an invitation email. Unknown, expired, used and revoked tokens all get the same
// 404 page: nothing tells a guesser which tokens ever existed. The token is in the path, so the
// page sends no Referer anywhere.

type Params = Promise<{ token: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "members" });
  return { title: t("accept.submit"), referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Params }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  if (!invitation) notFound();
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "members" });
  const [session, options, timeZone] = await Promise.all([currentSession(), roleOptions(locale), tenantTimeZone(invitation.tenant.id)]);
  const path = `/invitations/${token}`;
  const tenant = invitation.tenant.name;

  return (
    <AppShell locale={locale} path={path} width="narrow">
      <AuthCard title={t("accept.title", { tenant })} intro={t("accept.intro", { tenant })}>
        <div className="space-y-5">
          <ul aria-label={t("accept.rolesLabel")} className="space-y-2" data-testid="invitation-roles">
            {options
              .filter((option) => invitation.roles.includes(option.role))
              .map((option) => (
                <li key={option.role} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                  <span className="block font-medium text-slate-900">{option.label}</span>
                  <span className="block text-slate-600">{option.help}</span>
                </li>
              ))}
          </ul>
          <p className="text-sm text-slate-600">{t("accept.validUntil", { date: formatDate(invitation.expiresAt.toISOString(), locale, timeZone) })}</p>
          {!session ? (
            <>
              <Notice testId="invitation-sign-in">{t("accept.signInFirst", { invited: invitation.email })}</Notice>
              <Link href={`/signin?next=${encodeURIComponent(path)}`} className={buttonClass("primary", "w-full")} data-testid="invitation-sign-in-link">
                {t("accept.signIn")}
              </Link>
            </>
          ) : session.user.email !== invitation.email ? (
            <Notice tone="warning" testId="invitation-wrong-email">
              {t("accept.wrongEmail", { email: session.user.email, invited: invitation.email })}
            </Notice>
          ) : (
            <form action={acceptInvitationAction.bind(null, token)} className="space-y-4">
              <p className="text-sm text-slate-700">{t("accept.mfaNote")}</p>
              <SubmitButton className="w-full" pendingLabel={t("accept.pending")}>
                {t("accept.submit")}
              </SubmitButton>
            </form>
          )}
        </div>
      </AuthCard>
    </AppShell>
  );
}
