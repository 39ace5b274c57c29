import { getTranslations } from "next-intl/server";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { trustCenterHref } from "@/lib/trust-center/links";

interface Props {
  slug: string;
  locale: Locale;
  path: string;
  query?: Record<string, string | number>;
}

/** Plain links with ?lang=: shareable, cacheable, and no cookie is set. */
export async function LanguageSwitch({ slug, locale, path, query }: Props) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <nav aria-label={t("language.label")}>
      <ul className="flex gap-1 text-sm">
        {LOCALES.map((candidate) => {
          const name = t(`language.${candidate}`);
          return (
            <li key={candidate}>
              {candidate === locale ? (
                <span aria-current="true" title={t("language.current", { language: name })} className="block rounded-md bg-slate-900 px-2 py-1 font-medium text-white">
                  <span lang={candidate}>{candidate.toUpperCase()}</span>
                  <span className="sr-only"> – {t("language.current", { language: name })}</span>
                </span>
              ) : (
                <a href={trustCenterHref(slug, path, candidate, query)} hrefLang={candidate} lang={candidate} className="block rounded-md px-2 py-1 text-slate-700 no-underline hover:bg-slate-100">
                  <span aria-hidden="true">{candidate.toUpperCase()}</span>
                  <span className="sr-only">{name}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
