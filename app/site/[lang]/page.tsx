import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "@/lib/i18n/locales";

export const revalidate = false;

const DEMO_TENANTS = [{ slug: "mpmx", name: "MPMX" }, { slug: "nordlicht", name: "Nordlicht Analytics GmbH" }];

export default async function LandingPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "common" });
  const query = locale === DEFAULT_LOCALE ? "" : `?lang=${locale}`;
  return (
    <main id="content" className="mx-auto max-w-3xl px-6 py-16">
      <nav aria-label={t("language.label")} className="flex justify-end gap-3 text-sm">
        {LOCALES.filter((l) => l !== locale).map((l) => (
          <a key={l} href={l === DEFAULT_LOCALE ? "/" : `/?lang=${l}`} lang={l} hrefLang={l} className="text-slate-700 underline">{t(`language.${l}`)}</a>
        ))}
      </nav>
      <p className="mt-8 text-sm font-semibold uppercase tracking-wider text-slate-600">{t("product")}</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">{t("site.title")}</h1>
      <p className="mt-4 text-lg leading-relaxed text-slate-700">{t("site.description")}</p>
      <ul className="mt-10 space-y-3">
        {DEMO_TENANTS.map((tenant) => (
          <li key={tenant.slug}>
            <Link href={`/${tenant.slug}${query}`} className="block rounded-xl border border-slate-200 bg-white p-5 font-medium text-slate-900 no-underline shadow-sm hover:border-slate-400">
              {t("site.demo", { tenant: tenant.name })} →
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-10 text-sm"><a href={`/about${query}`} className="text-slate-700 underline">{t("site.about")}</a></p>
    </main>
  );
}
