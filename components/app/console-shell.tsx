import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import type { TenantAccess } from "@/server/auth/guard";
import { cn } from "@/components/ui/cn";
import { AppShell } from "./app-shell";

export type ConsoleSection = "overview" | "measures" | "certifications" | "attestations" | "attestationSettings" | "subscribers" | "webhooks" | "members" | "audit" | "settings";

const NAV: Array<{ id: ConsoleSection; path: string; permission: Permission }> = [
  { id: "overview", path: "", permission: "console.view" },
  { id: "measures", path: "/measures", permission: "measures.view" },
  { id: "certifications", path: "/certifications", permission: "certifications.manage" },
  { id: "attestations", path: "/attestations", permission: "attestations.review" },
  { id: "attestationSettings", path: "/attestations/settings", permission: "attestations.settings" },
  { id: "subscribers", path: "/subscribers", permission: "subscribers.view" },
  { id: "webhooks", path: "/webhooks", permission: "webhooks.manage" },
  { id: "members", path: "/members", permission: "members.view" },
  { id: "audit", path: "/audit", permission: "audit.view" },
  { id: "settings", path: "/settings", permission: "settings.view" },
];

/** The staff console frame: only the sections the member's roles may open are linked. */
export async function ConsoleShell({ access, locale, active, path, children }: { access: TenantAccess; locale: Locale; active: ConsoleSection; path: string; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "console" });
  const base = `/${access.tenant.slug}/admin`;
  const nav = (
    <nav aria-label={t("nav.label")} className="-mb-px flex gap-1 overflow-x-auto text-sm">
      {NAV.filter((item) => hasPermission(access.roles, item.permission)).map((item) => (
        <Link
          key={item.id}
          href={`${base}${item.path}`}
          aria-current={item.id === active ? "page" : undefined}
          className={cn(
            "whitespace-nowrap border-b-2 px-3 py-2 no-underline",
            item.id === active ? "border-brand font-semibold text-slate-900" : "border-transparent text-slate-700 hover:border-slate-300",
          )}
        >
          {t(`nav.${item.id}`)}
        </Link>
      ))}
      <Link href={`/${access.tenant.slug}`} className="ml-auto whitespace-nowrap px-3 py-2 text-slate-700">
        {t("nav.publicSite")}
      </Link>
    </nav>
  );
  return (
    <AppShell locale={locale} path={path} tenant={access.tenant} nav={nav}>
      {children}
    </AppShell>
  );
}
