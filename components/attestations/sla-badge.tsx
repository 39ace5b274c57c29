import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";

/** How long a request has been waiting, red once it is past the tenant's review reminder. */
export async function SlaBadge({ since, now, reminderHours, locale }: { since: Date; now: Date; reminderHours: number; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "attestations" });
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  const age = hours < 48 ? t("queue.ageHours", { hours }) : t("queue.ageDays", { days: Math.floor(hours / 24) });
  const overdue = hours >= reminderHours;
  return (
    <span data-testid="sla-badge" data-overdue={overdue ? "true" : "false"}>
      <Badge tone={overdue ? "red" : hours * 2 >= reminderHours ? "amber" : "green"}>
        {age}
        <span className="sr-only"> ({overdue ? t("queue.overdue") : t("queue.onTime")})</span>
      </Badge>
    </span>
  );
}
