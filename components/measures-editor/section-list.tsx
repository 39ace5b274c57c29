import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import type { SectionStatus } from "@/lib/redline";

export interface SectionRow {
  key: string;
  number: string | null;
  title: string;
  revision: number;
  status: SectionStatus;
  changeKind: "EDITORIAL" | "MATERIAL" | null;
  translations: Array<{ locale: Locale; language: string; state: "ok" | "missing" | "outdated" }>;
}

interface Props {
  rows: SectionRow[];
  versionId: string;
  basePath: string;
  editable: boolean;
  locale: Locale;
  moveAction: (formData: FormData) => Promise<void>;
  removeAction: (formData: FormData) => Promise<void>;
}

const STATUS_TONE = { added: "green", changed: "amber", unchanged: "neutral", removed: "red" } as const;
const TRANSLATION_TONE = { ok: "green", missing: "red", outdated: "amber" } as const;

/** The draft's sections in order: what changed, which translations need work, and the structure controls. */
export async function SectionList({ rows, versionId, basePath, editable, locale, moveAction, removeAction }: Props) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const name = (row: SectionRow) => (row.number ? `${row.number}. ${row.title}` : t(row.key === "closing" ? "sections.closing" : "sections.preamble"));
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="section-list">
      {rows.map((row, index) => (
        <li key={row.key} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="section-row" data-key={row.key}>
          <div className="min-w-0 space-y-1.5">
            <p className="font-medium text-slate-900">
              <Link href={`${basePath}/sections/${row.key}`} className="underline-offset-2 hover:underline">{name(row)}</Link>
            </p>
            <p className="font-mono text-xs text-slate-500">{t("sections.key", { key: row.key })}</p>
            <div className="flex flex-wrap gap-1.5">
              {row.status !== "unchanged" ? <Badge tone={STATUS_TONE[row.status]}>{t(`sections.status.${row.status === "added" ? "added" : "changed"}`)}</Badge> : null}
              {row.changeKind ? (
                <Badge tone={row.changeKind === "MATERIAL" ? "red" : "blue"}>{t(`changeKind.${row.changeKind}`)}</Badge>
              ) : row.status !== "unchanged" ? (
                <span data-testid="change-kind-missing"><Badge tone="amber">{t("sections.changeKindMissing")}</Badge></span>
              ) : null}
              {row.translations.map((translation) => (
                <Link key={translation.locale} href={`${basePath}/sections/${row.key}?locale=${translation.locale}`} aria-label={t("sections.translateNamed", { language: translation.language, title: name(row) })} data-testid={`translation-${translation.locale}`} data-state={translation.state}>
                  <Badge tone={TRANSLATION_TONE[translation.state]}>{t(`sections.translation.${translation.state}`, { language: translation.language })}</Badge>
                </Link>
              ))}
            </div>
          </div>
          {editable ? (
            <div className="flex shrink-0 flex-wrap items-center gap-2">
              <Link href={`${basePath}/sections/${row.key}`} className={buttonClass("secondary", "min-h-9 px-3 py-1.5")} aria-label={t("sections.editNamed", { title: name(row) })}>{t("sections.edit")}</Link>
              <form action={moveAction} className="contents">
                <input type="hidden" name="versionId" value={versionId} />
                <input type="hidden" name="key" value={row.key} />
                <button type="submit" name="direction" value="up" disabled={index === 0} aria-label={t("sections.moveUpNamed", { title: name(row) })} title={t("sections.moveUp")} className={buttonClass("secondary", "min-h-9 px-2.5 py-1.5")}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="submit" name="direction" value="down" disabled={index === rows.length - 1} aria-label={t("sections.moveDownNamed", { title: name(row) })} title={t("sections.moveDown")} className={buttonClass("secondary", "min-h-9 px-2.5 py-1.5")}>
                  <span aria-hidden="true">↓</span>
                </button>
              </form>
              <details className="relative">
                <summary className={buttonClass("secondary", "min-h-9 cursor-pointer list-none px-3 py-1.5 text-rose-800")} aria-label={t("sections.removeNamed", { title: name(row) })}>{t("sections.remove")}</summary>
                <div className="absolute right-0 z-10 mt-2 w-64 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
                  <p>{t("sections.removeConfirm", { title: name(row) })}</p>
                  <form action={removeAction}>
                    <input type="hidden" name="versionId" value={versionId} />
                    <input type="hidden" name="key" value={row.key} />
                    <input type="hidden" name="revision" value={row.revision} />
                    <button type="submit" className={buttonClass("danger", "min-h-9 px-3 py-1.5")}>{t("sections.removeYes")}</button>
                  </form>
                </div>
              </details>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
