import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import type { AuditFilter } from "@/lib/validation/audit-filter";

/**
 * A POST (not a link): an export is recorded in the audit log, and a GET must not change state.
 * It sends the filter the page shows, already validated.
 */
export async function AuditExportForm({ locale, action, filter }: { locale: Locale; action: string; filter: AuditFilter }) {
  const t = await getTranslations({ locale, namespace: "audit" });
  return (
    <form method="post" action={action} className="flex flex-wrap items-center gap-3" data-testid="audit-export">
      {Object.entries(filter).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className={buttonClass("secondary")} aria-describedby="audit-export-hint">
        {t("export.button")}
      </button>
      <p id="audit-export-hint" className="text-sm text-slate-600">
        {t("export.hint")}
      </p>
    </form>
  );
}
