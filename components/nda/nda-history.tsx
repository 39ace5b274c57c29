import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { NdaVersionView } from "@/server/nda/versions";
import { Badge } from "@/components/ui/badge";

/** Every NDA version, newest first, with its hash, acceptances and text (folded). */
export async function NdaHistory({ versions, locale, timeZone }: { versions: readonly NdaVersionView[]; locale: Locale; timeZone: string }) {
  const t = await getTranslations({ locale, namespace: "nda" });
  return (
    <div className="space-y-2">
      <h3 className="font-medium text-slate-900">{t("editor.history")}</h3>
      {versions.length === 0 ? (
        <p className="text-sm text-slate-700">{t("editor.historyEmpty")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="nda-history">
          {versions.map((version) => (
            <li key={version.id} className="space-y-1 px-4 py-3 text-sm" data-testid="nda-version" data-number={version.number}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t("editor.version", { number: version.number })}</span>
                <span className="text-slate-700">{t("editor.publishedAt", { date: formatDateTime(version.createdAt, locale, timeZone) })}</span>
                <span className="text-slate-700">· {t("editor.acceptances", { count: version.acceptances })}</span>
                {version.lockedAt ? <Badge>{t("editor.locked")}</Badge> : null}
              </p>
              <p className="break-all font-mono text-xs text-slate-600">{version.sha256}</p>
              <details>
                <summary className="cursor-pointer text-slate-800">{t("editor.showText", { number: version.number })}</summary>
                <div className="mt-2 grid gap-3 lg:grid-cols-2">
                  {(["de", "en"] as const).map((lang) =>
                    version.text[lang] ? (
                      <p key={lang} lang={lang} className="whitespace-pre-line rounded bg-slate-50 p-3 text-slate-800">
                        {version.text[lang]}
                      </p>
                    ) : null,
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
