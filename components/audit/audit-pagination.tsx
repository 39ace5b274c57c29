import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";

interface Props {
  locale: Locale;
  page: number;
  hasNext: boolean;
  /** The URL of a page number, filters included. */
  href: (page: number) => string;
}

/** Newer (previous page) and older (next page) links; page 1 holds the newest events. */
export async function AuditPagination({ locale, page, hasNext, href }: Props) {
  if (page === 1 && !hasNext) return null;
  const t = await getTranslations({ locale, namespace: "audit" });
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClass("secondary")} data-testid="audit-newer">
          <span aria-hidden="true">←</span> {t("pagination.newer")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700" aria-current="page">
        {t("pagination.page", { page })}
      </span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className={buttonClass("secondary")} data-testid="audit-older">
          {t("pagination.older")} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
