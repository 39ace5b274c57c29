import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { ConsoleShell } from "@/components/app/console-shell";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Overview" };

const SECTIONS: Array<{ id: "members" | "audit" | "settings"; permission: Permission }> = [
  { id: "members", permission: "members.view" },
  { id: "audit", permission: "audit.view" },
  { id: "settings", permission: "settings.view" },
];

export default async function ConsoleHome({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const access = await guardConsolePage(slug, "console.view", `/${slug}/admin`);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "console" });
  const sections = SECTIONS.filter((section) => hasPermission(access.roles, section.permission));
  return (
    <ConsoleShell access={access} locale={locale} active="overview" path={`/${slug}/admin`}>
      <h1 className="text-2xl font-semibold tracking-tight">{t("home.title", { tenant: access.tenant.name })}</h1>
      <p className="mt-2 text-slate-700" data-testid="console-roles">
        {t("home.roles", { roles: access.roles.map((role) => t(`roles.${role}`)).join(", ") })}
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((section) => (
          <li key={section.id}>
            <Link href={`/${slug}/admin/${section.id}`} className="block h-full rounded-lg border border-slate-200 bg-white p-5 no-underline shadow-sm hover:border-slate-400">
              <span className="block font-semibold text-slate-900">{t(`nav.${section.id}`)}</span>
              <span className="mt-1 block text-sm text-slate-700">{t(`home.${section.id}`)}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link href={`/${slug}`} className="block h-full rounded-lg border border-slate-200 bg-white p-5 no-underline shadow-sm hover:border-slate-400">
            <span className="block font-semibold text-slate-900">{t("nav.publicSite")}</span>
            <span className="mt-1 block text-sm text-slate-700">{t("home.publicSite")}</span>
          </Link>
        </li>
      </ul>
      {sections.length === 0 ? <p className="mt-6 max-w-prose text-sm text-slate-700">{t("home.nothingYet")}</p> : null}
    </ConsoleShell>
  );
}
