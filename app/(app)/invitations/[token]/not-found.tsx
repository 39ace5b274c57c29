import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { appLocale } from "@/server/i18n/app-locale";

/** One answer for every unusable invitation link (unknown, expired, used, revoked, replaced). */
export default async function InvitationNotFound() {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "members" });
  return (
    // The token is not known here; the language links lead to the account page instead.
    <AppShell locale={locale} path="/account" width="narrow">
      <div data-testid="invitation-invalid">
        <AuthCard title={t("accept.invalidTitle")} intro={t("accept.invalidBody")}>
          <Link href="/account">{t("accept.account")}</Link>
        </AuthCard>
      </div>
    </AppShell>
  );
}
