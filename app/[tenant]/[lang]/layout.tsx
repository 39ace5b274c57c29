import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import { inter } from "@/app/fonts";
import { safeBrandColor } from "@/lib/tenants/branding";
import { findTenant, resolveLocale, type TrustCenterParams } from "@/server/trust-center/page-context";
import "@/app/globals.css";

// Root layout of the public trust center. Its pages are rendered on first request and then served
// from the cache (revalidated by tenant tag), so nothing here may depend on the request.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): TrustCenterParams[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<TrustCenterParams> }): Promise<Metadata> {
  const { tenant: slug } = await params;
  const tenant = await findTenant(slug);
  return { title: { template: `%s · ${tenant?.name ?? "Vouchsafe"}`, default: tenant?.name ?? "Vouchsafe" } };
}

export default async function TrustCenterLayout({ children, params }: { children: ReactNode; params: Promise<TrustCenterParams> }) {
  const { tenant: slug, lang } = await params;
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  setRequestLocale(locale);
  const style = { "--brand": safeBrandColor(tenant?.brandColor) } as CSSProperties;
  return (
    <html lang={locale} className={inter.variable}>
      <body style={style} className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
