import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

/** Why the list is empty: no events at all, none matching the filters, or a page past the end. */
export async function AuditEmptyState({ locale, reason, resetHref }: { locale: Locale; reason: "none" | "filtered" | "page"; resetHref: string }) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const [title, body] = {
    none: [t("empty.title"), t("empty.body")],
    filtered: [t("empty.filteredTitle"), t("empty.filteredBody")],
    page: [t("empty.pageTitle"), t("empty.pageBody")],
  }[reason];
  return (
    <div data-testid="audit-empty" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-2 text-slate-700">{body}</p>
      {reason === "filtered" ? (
        <p className="mt-4">
          <Link href={resetHref}>{t("filter.reset")}</Link>
        </p>
      ) : null}
      {reason === "page" ? (
        <p className="mt-4">
          <Link href={resetHref}>{t("empty.first")}</Link>
        </p>
      ) : null}
    </div>
  );
}
