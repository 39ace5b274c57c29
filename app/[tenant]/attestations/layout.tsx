import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import { inter } from "@/app/fonts";
import { safeBrandColor } from "@/lib/tenants/branding";
import { getDb } from "@/server/db/client";
import { appLocale } from "@/server/i18n/app-locale";
import "@/app/globals.css";

// Root layout of a customer's attestation pages of one tenant: part of the signed-in area
// (proxy.ts gives it the nonce CSP, rendered per request, never cached). Every page checks the
// session itself (guardCustomerPage).
export const metadata: Metadata = { robots: { index: false } };

export default async function CustomerAttestationsLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const locale = await appLocale();
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { brandColor: true } });
  const style = { "--brand": safeBrandColor(tenant?.brandColor) } as CSSProperties;
  return (
    <html lang={locale} className={inter.variable}>
      <body style={style} className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
