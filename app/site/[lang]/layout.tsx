import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { inter } from "@/app/fonts";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import "@/app/globals.css";

// Root layout of Vouchsafe's own pages (/, /about), reached through the proxy as /site/{lang}/...
export const revalidate = false;
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ lang: "de" }, { lang: "en" }];
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const t = await getTranslations({ locale: isLocale(lang) ? lang : DEFAULT_LOCALE, namespace: "common" });
  return { title: t("site.title"), description: t("site.description") };
}

export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  setRequestLocale(locale);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
