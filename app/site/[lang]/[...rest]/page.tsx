import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { NotFoundPage } from "@/components/trust-center/not-found-page";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// Unknown paths below Vouchsafe's own pages get the site's localized 404.
export default async function UnknownSitePage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  setRequestLocale(isLocale(lang) ? lang : DEFAULT_LOCALE);
  return <NotFoundPage />;
}
