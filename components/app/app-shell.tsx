import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/ui/skip-link";
import { getTranslations } from "next-intl/server";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { currentSession } from "@/server/auth/session";
import { SignOutButton } from "./sign-out-button";

interface Props {
  locale: Locale;
  /** The current path, for the language links (?lang= keeps the choice in a cookie). */
  path: string;
  /** Tenant console: its name and colour in the header. */
  tenant?: { name: string; slug: string };
  nav?: ReactNode;
  children: ReactNode;
  width?: "narrow" | "wide";
}

/** Header, skip link and main landmark of the signed-in area and the staff console. */
export async function AppShell({ locale, path, tenant, nav, children, width = "wide" }: Props) {
  const t = await getTranslations({ locale, namespace: "account" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const session = await currentSession();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink label={tc("skipToContent")} />
      <header className="border-t-4 border-brand bg-white shadow-sm">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href={tenant ? `/${tenant.slug}/admin` : "/account"} className="flex items-baseline gap-2 text-lg font-semibold tracking-tight text-slate-900 no-underline">
            <span>{tenant ? tenant.name : tc("product")}</span>
            {tenant ? <span className="text-sm font-normal text-slate-600">{t("shell.console")}</span> : null}
          </Link>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <nav aria-label={tc("language.label")}>
              <ul className="flex gap-1">
                {LOCALES.map((candidate) => (
                  <li key={candidate}>
                    {candidate === locale ? (
                      <span aria-current="true" className="block rounded-md bg-slate-900 px-2 py-1 font-medium text-white">
                        <span aria-hidden="true">{candidate.toUpperCase()}</span>
                        <span className="sr-only">{tc("language.current", { language: tc(`language.${candidate}`) })}</span>
                      </span>
                    ) : (
                      <a href={`${path}${path.includes("?") ? "&" : "?"}lang=${candidate}`} hrefLang={candidate} lang={candidate} className="block rounded-md px-2 py-1 text-slate-700 no-underline hover:bg-slate-100">
                        <span aria-hidden="true">{candidate.toUpperCase()}</span>
                        <span className="sr-only">{tc(`language.${candidate}`)}</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            {session ? (
              <>
                <Link href="/account" className="text-slate-700" data-testid="account-link">
                  {session.user.email}
                </Link>
                <SignOutButton label={t("shell.signOut")} />
              </>
            ) : (
              <Link href="/signin" className="font-medium text-slate-900">
                {t("shell.signIn")}
              </Link>
            )}
          </div>
        </div>
        {nav ? <div className="mx-auto max-w-6xl px-4 sm:px-6">{nav}</div> : null}
      </header>
      <main id="content" tabIndex={-1} className={`mx-auto w-full flex-1 px-4 py-8 sm:px-6 ${width === "narrow" ? "max-w-lg" : "max-w-6xl"}`}>
        {children}
      </main>
    </div>
  );
}
