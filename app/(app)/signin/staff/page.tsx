import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { StaffSignInForm } from "@/components/auth/staff-sign-in-form";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Staff sign-in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffSignInPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "auth" });
  const next = safeRedirectPath(query.next);
  const nextQuery = next === "/account" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <AppShell locale={locale} path={`/signin/staff${nextQuery}`} width="narrow">
      <AuthCard title={t("staff.title")} intro={t("staff.intro")} footer={<Link href={`/signin${nextQuery}`}>{t("staff.customerLink")}</Link>}>
        <StaffSignInForm next={next} labels={{ email: t("staff.email"), password: t("staff.password"), submit: t("staff.submit"), pending: t("staff.pending") }} />
      </AuthCard>
    </AppShell>
  );
}
