import type { Metadata } from "next";
import type { ReactNode } from "react";
import { inter } from "@/app/fonts";
import { appLocale } from "@/server/i18n/app-locale";
import "@/app/globals.css";

// Root layout of the signed-in area (/signin, /account, /mailbox, /invitations): rendered per request.
export const metadata: Metadata = { title: { template: "%s · Vouchsafe", default: "Vouchsafe" }, robots: { index: false } };

export default async function AppLayout({ children }: { children: ReactNode }) {
  const locale = await appLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
