import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/locales";
import type { DraftCompleteness } from "@/server/measures/drafts/completeness";

/** Per language: complete, or which sections are missing or outdated (each a link to its translation). */
export async function CompletenessPanel({ completeness, basePath, locale, languageName }: { completeness: DraftCompleteness; basePath: string; locale: Locale; languageName: (l: Locale) => string }) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const name = (ref: { key: string; number: string | null; title: string }) => (ref.number ? `${ref.number}. ${ref.title}` : t(ref.key === "closing" ? "sections.closing" : "sections.preamble"));
  return (
    <div className="space-y-3 text-sm" data-testid="completeness">
      <p className="text-slate-700">{t(completeness.requireAllLocales ? "completeness.required" : "completeness.optional")}</p>
      <ul className="space-y-3">
        {completeness.locales.map((entry) => (
          <li key={entry.locale} data-testid={`completeness-${entry.locale}`} data-complete={entry.complete} className="space-y-1.5">
            <div className="flex flex-wrap items-center gap-1.5">
              {entry.source ? (
                <Badge>{t("completeness.source", { language: languageName(entry.locale) })}</Badge>
              ) : entry.complete ? (
                <Badge tone="green">{t("completeness.complete", { language: languageName(entry.locale) })}</Badge>
              ) : (
                <>
                  <span className="font-medium text-slate-900">{languageName(entry.locale)}:</span>
                  {entry.missing.length > 0 ? <Badge tone="red">{t("completeness.missing", { count: entry.missing.length })}</Badge> : null}
                  {entry.outdated.length > 0 ? <Badge tone="amber">{t("completeness.outdated", { count: entry.outdated.length })}</Badge> : null}
                </>
              )}
              {entry.summaryMissing ? <Badge tone="amber">{t("completeness.summaryMissing")}</Badge> : null}
            </div>
            {[...entry.missing, ...entry.outdated].length > 0 ? (
              <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
                {[...entry.missing, ...entry.outdated].map((ref) => (
                  <li key={ref.key}>
                    <Link href={`${basePath}/sections/${ref.key}?locale=${entry.locale}`} className="underline">{name(ref)}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
