import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { currentSession } from "@/server/auth/session";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Two-factor authentication" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SecondFactorPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const next = safeRedirectPath(query.next);
  const session = await currentSession();
  if (!session) redirect(`/signin/staff?next=${encodeURIComponent(next)}`);
  if (session.mfa) redirect(next);
  if (!session.user.totpEnabled) redirect(`/account/security?next=${encodeURIComponent(next)}`);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <AppShell locale={locale} path="/signin/mfa" width="narrow">
      <AuthCard title={t("mfa.title")} intro={t("mfa.intro")}>
        <SecondFactorForm next={next} labels={{ code: t("mfa.code"), submit: t("mfa.submit") }} />
      </AuthCard>
    </AppShell>
  );
}
