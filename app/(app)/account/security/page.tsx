import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { AppShell } from "@/components/app/app-shell";
import { MfaEnrolmentForm } from "@/components/account/mfa-enrolment-form";
import { PasswordForm } from "@/components/account/password-form";
import { RegenerateCodesForm } from "@/components/account/regenerate-codes-form";
import { Notice } from "@/components/ui/notice";
import { pendingEnrolment } from "@/server/auth/mfa-enrolment";
import { guardAccountPage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Security" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SecurityPage({ searchParams }: { searchParams: Search }) {
  const { session } = await guardAccountPage("/account/security");
  const next = safeRedirectPath((await searchParams).next);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "account" });
  const staff = session.memberships.length > 0;
  const enrolment = session.user.totpEnabled ? null : await pendingEnrolment(session);
  const codes = { codesTitle: t("security.codesTitle"), codesHint: t("security.codesHint") };
  return (
    <AppShell locale={locale} path="/account/security">
      <div className="max-w-2xl space-y-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("security.title")}</h1>
        {staff && !session.mfa ? <Notice tone="warning" testId="mfa-required">{session.user.totpEnabled ? t("security.verifyFirst") : t("security.enrolRequired")}</Notice> : null}
        <section aria-labelledby="mfa" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="mfa" className="text-lg font-semibold">
            {t("security.mfaTitle")}
          </h2>
          <div className="mt-3">
            <MfaEnrolmentForm
              enrolment={enrolment ? { qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}`, secret: enrolment.secret } : null}
              enabled={
                <div className="space-y-4">
                  <p className="text-slate-700" data-testid="mfa-status">
                    {t("security.mfaOnSince")}
                  </p>
                  {session.mfa ? <RegenerateCodesForm labels={{ submit: t("security.regenerate"), ...codes }} /> : null}
                </div>
              }
              next={next}
              labels={{ scan: t("security.scan"), qrAlt: t("security.qrAlt"), manual: t("security.manual"), code: t("security.code"), submit: t("security.enable"), continue: t("security.continue"), ...codes }}
            />
          </div>
        </section>
        <section aria-labelledby="password" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="password" className="text-lg font-semibold">
            {session.user.hasPassword ? t("security.changePassword") : t("security.setPassword")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{staff ? t("security.passwordStaff") : t("security.passwordCustomer")}</p>
          <div className="mt-4">
            <PasswordForm
              hasPassword={session.user.hasPassword}
              email={session.user.email}
              labels={{ current: t("security.currentPassword"), password: t("security.newPassword"), confirmation: t("security.confirmPassword"), hint: t("security.passwordHint"), submit: t("security.savePassword") }}
            />
          </div>
        </section>
      </div>
    </AppShell>
  );
}
