import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { PublicSection } from "@/lib/trust-center/types";
import { MarkdownBody } from "./markdown";
import { sectionHeading } from "./section-heading";

interface Props {
  title: string;
  /** The locale the sections are written in (may differ from the page's when a translation is missing). */
  contentLocale: Locale;
  pageLocale: Locale;
  sections: PublicSection[];
  /** Version badge, dates and links, rendered under the title. */
  meta: ReactNode;
  /** Notices (superseded, announced, fallback) shown above the text. */
  notices?: ReactNode;
}

export async function MeasuresDocument({ title, contentLocale, pageLocale, sections, meta, notices }: Props) {
  const t = await getTranslations({ locale: pageLocale, namespace: "measures" });
  const numbered = sections.filter((s) => s.number !== null);
  const lang = contentLocale === pageLocale ? undefined : contentLocale;
  return (
    <div className="lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10">
      <nav aria-labelledby="toc-heading" className="print-hidden mb-8 lg:mb-0">
        <div className="rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-6">
          <h2 id="toc-heading" className="mb-2 text-xs font-semibold uppercase tracking-wider text-slate-600">{t("tableOfContents")}</h2>
          <ol className="space-y-1 text-sm" lang={lang}>
            {numbered.map((section) => (
              <li key={section.key}>
                <a href={`#${section.key}`} className="toc-link">
                  <span className="toc-number">{`${section.number}.`}</span>
                  <span className="min-w-0 break-words">{section.title}</span>
                </a>
              </li>
            ))}
          </ol>
        </div>
      </nav>
      <article className="min-w-0">
        <header className="mb-6 border-b border-slate-200 pb-6">
          <h1 className="hyphens-auto break-words text-2xl font-semibold tracking-tight text-slate-900 sm:text-4xl" lang={lang}>{title}</h1>
          <div className="mt-4">{meta}</div>
        </header>
        {notices ? <div className="mb-6 space-y-3">{notices}</div> : null}
        <div lang={lang} className="max-w-3xl space-y-8 text-[1.0625rem] text-slate-800">
          {sections.map((section) =>
            section.number === null ? (
              <section key={section.key} aria-label={t(section.key === "preamble" ? "preamble" : "closing")} className="print-break-avoid">
                <MarkdownBody markdown={section.body} />
              </section>
            ) : (
              <section key={section.key} id={section.key} aria-labelledby={`${section.key}-heading`} className="scroll-mt-6 print-break-avoid">
                <div className="group mb-3 flex items-baseline gap-2">
                  <h2 id={`${section.key}-heading`} className="section-title">
                    {sectionHeading(section.number, section.title)}
                  </h2>
                  <a href={`#${section.key}`} className="section-anchor print-hidden">
                    <span aria-hidden="true">#</span>
                    <span className="sr-only">{t("sectionLink")}: {sectionHeading(section.number, section.title)}</span>
                  </a>
                </div>
                <MarkdownBody markdown={section.body} />
              </section>
            ),
          )}
        </div>
      </article>
    </div>
  );
}
