import { getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

// Deliberately trivial and static: `npm run bench` uses it as the framework's ceiling.
export const revalidate = false;

export default async function AboutPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const t = await getTranslations({ locale: isLocale(lang) ? lang : DEFAULT_LOCALE, namespace: "common" });
  return (
    <main id="content" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">{t("site.about")}</h1>
      <p className="mt-4 leading-relaxed text-slate-700">{t("site.aboutBody")}</p>
    </main>
  );
}
