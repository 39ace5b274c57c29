import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { Notice } from "@/components/ui/notice";
import { localMailboxEnabled } from "@/server/mail/send";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <AppShell locale={locale} path="/signin/check-email" width="narrow">
      <AuthCard title={t("checkEmail.title")} intro={t("checkEmail.body")} footer={<Link href="/signin">{t("checkEmail.again")}</Link>}>
        {localMailboxEnabled() ? (
          <Notice>
            <Link href="/mailbox" className="font-medium">
              {t("checkEmail.mailbox")}
            </Link>
          </Notice>
        ) : null}
      </AuthCard>
    </AppShell>
  );
}
