import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { SsoSignIn } from "@/components/sso/sso-sign-in";
import { FormAlert } from "@/components/ui/form-alert";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "auth" });
  const next = safeRedirectPath(query.next);
  const nextQuery = next === "/account" ? "" : `?next=${encodeURIComponent(next)}`;
  // The language links keep which tenant's single sign-on the page offers.
  const shellQuery = new URLSearchParams({ ...(next === "/account" ? {} : { next }), ...(typeof query.tenant === "string" ? { tenant: query.tenant } : {}) }).toString();
  return (
    <AppShell locale={locale} path={`/signin${shellQuery ? `?${shellQuery}` : ""}`} width="narrow">
      {query.signedOut ? (
        <div className="mb-4">
          <FormAlert tone="success" testId="signed-out">
            {t("signedOut")}
          </FormAlert>
        </div>
      ) : null}
      <AuthCard
        title={t("signIn.title")}
        intro={t("signIn.intro")}
        footer={
          <p>
            {t("signIn.staffPrompt")}{" "}
            <Link href={`/signin/staff${nextQuery}`} className="font-medium text-slate-900">
              {t("signIn.staffLink")}
            </Link>
          </p>
        }
      >
        <SsoSignIn locale={locale} query={query} next={next} />
        <MagicLinkForm next={next} labels={{ email: t("signIn.email"), submit: t("signIn.submit"), pending: t("signIn.pending") }} />
      </AuthCard>
    </AppShell>
  );
}
