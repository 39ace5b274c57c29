import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { RedlineSectionView } from "@/components/measures/redline-section";
import { cn } from "@/components/ui/cn";
import { isLocale } from "@/lib/i18n/locales";
import { computeRedline } from "@/lib/redline";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { loadDraftPage, redlineSections } from "@/server/measures/drafts/page-data";

type Params = Promise<{ tenant: string; versionId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "editor" });
  return { title: t("title") };
}

/** The draft's redline against the newest published version, per language, as the public redline renders it. */
export default async function DraftRedlinePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug, versionId } = await params;
  const query = await searchParams;
  const draftPath = `/${slug}/admin/measures/drafts/${versionId}`;
  const path = `${draftPath}/redline`;
  const access = await guardConsolePage(slug, "measures.view", path);
  const uiLocale = await appLocale();
  const t = await getTranslations({ locale: uiLocale, namespace: "editor" });
  const tm = await getTranslations({ locale: uiLocale, namespace: "measures" });
  const tc = await getTranslations({ locale: uiLocale, namespace: "common" });
  const { draft } = await loadDraftPage(access, versionId);
  const { sourceLocale, locales } = draft.locales;
  const locale = isLocale(query.locale) && locales.includes(query.locale) ? query.locale : sourceLocale;
  const redline = computeRedline(redlineSections(draft.base?.sections ?? [], locale), redlineSections(draft.sections, locale));
  const { counts } = redline;

  return (
    <ConsoleShell access={access} locale={uiLocale} active="measures" path={path}>
      <div className="max-w-4xl space-y-6">
        <p className="text-sm">
          <Link href={draftPath}>← {t("editor.back", { number: draft.number })}</Link>
        </p>
        <div className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">{draft.base ? t("redline.title", { number: draft.number, base: draft.base.number }) : t("redline.titleFirst", { number: draft.number })}</h1>
          <p className="text-sm text-slate-700">{t("redline.intro")}</p>
          <nav aria-label={t("redline.language")} className="flex flex-wrap gap-2 text-sm">
            {locales.map((l) => (
              <Link
                key={l}
                href={l === sourceLocale ? path : `${path}?locale=${l}`}
                aria-current={l === locale ? "page" : undefined}
                className={cn("rounded-full px-3 py-1 no-underline ring-1 ring-inset", l === locale ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50")}
              >
                {tc(`language.${l}`)}
              </Link>
            ))}
          </nav>
        </div>
        <section aria-labelledby="redline-summary-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <h2 id="redline-summary-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">{tm("compare.summaryHeading")}</h2>
          <ul className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-800 sm:grid-cols-3" data-testid="redline-counts">
            {(["added", "removed", "changed", "moved", "unchanged"] as const).map((kind) => (
              <li key={kind} data-testid={`count-${kind}`} data-count={counts[kind]}>{tm(`compare.counts.${kind}`, { count: counts[kind] })}</li>
            ))}
            <li data-testid="count-words">{tm("compare.counts.words", { inserted: counts.insertedWords, deleted: counts.deletedWords })}</li>
          </ul>
        </section>
        <div className="space-y-4" lang={locale === uiLocale ? undefined : locale} data-testid="redline-sections">
          {redline.sections.map((section) => (
            <RedlineSectionView key={section.key} section={section} locale={uiLocale} />
          ))}
        </div>
      </div>
    </ConsoleShell>
  );
}
