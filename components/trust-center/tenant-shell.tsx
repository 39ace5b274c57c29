import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/ui/skip-link";
import { getTranslations } from "next-intl/server";
import { logoDataUrl } from "@/lib/tenants/branding";
import { trustCenterHref } from "@/lib/trust-center/links";
import type { TrustCenterContext } from "@/server/trust-center/page-context";
import { cn } from "@/components/ui/cn";
import { LanguageSwitch } from "./language-switch";

export type TrustCenterSection = "overview" | "measures" | "history" | "certifications";

const NAV: Array<{ id: TrustCenterSection; path: string }> = [
  { id: "overview", path: "" },
  { id: "measures", path: "/measures" },
  { id: "history", path: "/measures/versions" },
  { id: "certifications", path: "/certifications" },
];

interface Props {
  context: TrustCenterContext;
  /** The nav entry to mark as current (none on pages outside the nav). */
  active?: TrustCenterSection;
  /** The public path of this page below the tenant, and its query, for the language links. */
  path: string;
  query?: Record<string, string | number>;
  children: ReactNode;
}

export async function TenantShell({ context, active, path, query, children }: Props) {
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "common" });
  const ts = await getTranslations({ locale, namespace: "subscriptions" });
  const logo = logoDataUrl(tenant.logoSvg);
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink label={t("skipToContent")} />
      <header className="print-hidden border-t-4 border-brand bg-white shadow-sm">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-4 sm:px-6">
          <Link href={trustCenterHref(tenant.slug, "", lang)} className="flex items-center gap-3 text-lg font-semibold tracking-tight text-slate-900 no-underline">
            {logo ? <img src={logo} alt="" width={32} height={32} className="h-8 w-8" /> : null}
            <span>{tenant.name}</span>
          </Link>
          <nav aria-label={t("nav.label")} className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
            <ul className="-mx-2 flex flex-wrap gap-1 text-sm">
              {NAV.map((item) => (
                <li key={item.id}>
                  <Link
                    href={trustCenterHref(tenant.slug, item.path, lang)}
                    aria-current={item.id === active ? "page" : undefined}
                    className={cn(
                      "block rounded-md px-2 py-1.5 no-underline hover:bg-slate-100",
                      item.id === active ? "font-semibold text-slate-900 underline decoration-brand decoration-2 underline-offset-8" : "text-slate-700",
                    )}
                  >
                    {t(`nav.${item.id}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch slug={tenant.slug} locale={locale} path={path} query={query} />
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full outline-none max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="print-hidden border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
          <span className="flex flex-wrap gap-x-4 gap-y-2">
            <a href={trustCenterHref(tenant.slug, "/subscribe", lang)} className="text-slate-700 underline" data-testid="subscribe-link">
              {ts("footerLink")}
            </a>
            <a href={trustCenterHref(tenant.slug, "/feed.xml", lang)} className="text-slate-700 underline">
              {t("footer.feed")}
            </a>
          </span>
          <span>{t("footer.poweredBy", { product: t("product") })}</span>
        </div>
      </footer>
    </div>
  );
}
