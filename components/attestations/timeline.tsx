import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { TimelineEntry } from "@/server/attestations/queries";

interface Props {
  events: readonly TimelineEntry[];
  locale: Locale;
  timeZone: string;
  /** A customer sees "the reviewer", not a staff member's name; staff see who did what. */
  audience: "customer" | "reviewer";
  customerId: string;
  headingId: string;
}

/** The request's history, oldest first: each step, who made it, and the message it carried. */
export async function RequestTimeline({ events, locale, timeZone, audience, customerId, headingId }: Props) {
  const t = await getTranslations({ locale, namespace: "attestations" });
  const who = (event: TimelineEntry) => {
    if (event.actorId === null) return t("timeline.system");
    if (audience === "customer" && event.actorId !== customerId) return t("timeline.reviewer");
    return t("timeline.by", { name: event.actorName ?? "" });
  };
  const label = (event: TimelineEntry) => {
    if (event.toState === "IN_REVIEW" && event.fromState === "INFO_REQUESTED") return t("timeline.IN_REVIEW_answer");
    if (event.toState === "APPROVED" && event.automatic) return t("timeline.APPROVED_automatic");
    return t(`timeline.${event.toState}`);
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t("timeline.title")}
      </h3>
      <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4" data-testid="timeline">
        {events.map((event) => (
          <li key={event.id} className="text-sm" data-testid="timeline-entry" data-state={event.toState}>
            <p>
              <span className="font-medium text-slate-900">{label(event)}</span> <span className="text-slate-600">· {who(event)} · </span>
              <time dateTime={event.createdAt.toISOString()} className="text-slate-600">
                {formatDateTime(event.createdAt, locale, timeZone)}
              </time>
            </p>
            {event.message ? <p className="mt-1 whitespace-pre-line rounded-md bg-slate-100 px-3 py-2 text-slate-800">{event.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
