import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { trustCenterHref } from "@/lib/trust-center/links";
import type { PublicVersion } from "@/lib/trust-center/types";
import type { TrustCenterContext } from "@/server/trust-center/page-context";
import { Notice } from "@/components/ui/notice";

/**
 * Published versions that take effect later, announced with their changes against the current
 * version (or, before any version is in effect, with the announced text itself). The cached page
 * is invalidated at each effective date (outbox "trust-center.revalidate"), when it becomes current.
 */
export async function UpcomingVersions({ context, current, upcoming }: { context: TrustCenterContext; current: PublicVersion | null; upcoming: PublicVersion[] }) {
  if (upcoming.length === 0) return null;
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const date = (iso: string) => formatDate(iso, locale, tenant.timeZone);
  return (
    <div className="space-y-3">
      {upcoming.map((announced) => (
        <Notice key={announced.number} tone="info" testId="upcoming-notice">
          {t("upcomingNotice", { number: announced.number, published: date(announced.publishedAt), date: date(announced.effectiveAt) })}{" "}
          {current ? (
            <Link className="font-medium underline" href={trustCenterHref(tenant.slug, "/measures/compare", lang, { from: current.number, to: announced.number })}>
              {t("upcomingRedline")}
            </Link>
          ) : (
            <Link className="font-medium underline" href={trustCenterHref(tenant.slug, `/measures/v/${announced.number}`, lang)}>
              {t("versions.open", { number: announced.number })}
            </Link>
          )}
        </Notice>
      ))}
    </div>
  );
}
