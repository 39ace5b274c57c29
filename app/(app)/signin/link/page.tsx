import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { appLocale } from "@/server/i18n/app-locale";
import { redeemMagicLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer" };

type Search = Promise<Record<string, string | string[] | undefined>>;

// Opening the link changes nothing: mail scanners prefetch links. Only the button (a POST) uses the token.
export default async function MagicLinkPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "auth" });
  const token = typeof query.token === "string" ? query.token : "";
  const email = typeof query.email === "string" ? query.email : "";
  const problem = query.error === "invalid" ? t("link.invalid") : !token || !email ? t("link.missing") : null;
  return (
    <AppShell locale={locale} path="/signin/link" width="narrow">
      <AuthCard title={t("link.title")}>
        {problem ? (
          <div className="space-y-4">
            <FormAlert tone="error" testId="link-problem">
              {problem}
            </FormAlert>
            <Link href="/signin">{t("link.requestNew")}</Link>
          </div>
        ) : (
          <form action={redeemMagicLinkAction} className="space-y-4">
            <p className="text-slate-700">{t("link.body", { email })}</p>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="email" value={email} />
            <input type="hidden" name="next" value={safeRedirectPath(query.next)} />
            <SubmitButton className="w-full">{t("link.submit")}</SubmitButton>
          </form>
        )}
      </AuthCard>
    </AppShell>
  );
}
