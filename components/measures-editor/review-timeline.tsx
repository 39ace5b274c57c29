import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { TimelineEvent } from "@/server/measures/workflow/queries";

interface Props {
  events: TimelineEvent[];
  effectiveAt: Date | null;
  published: boolean;
  locale: Locale;
  timeZone: string;
}

/** The version's timeline: submissions, returns with their comments, approval, publication, effect. */
export async function ReviewTimeline({ events, effectiveAt, published, locale, timeZone }: Props) {
  const t = await getTranslations({ locale, namespace: "publishing" });
  const when = (at: Date) => formatDateTime(at, locale, timeZone);
  const now = new Date();
  return (
    <section aria-labelledby="review-timeline-heading" className="space-y-3">
      <h3 id="review-timeline-heading" className="text-base font-semibold">{t("timeline.heading")}</h3>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t("timeline.empty")}</p>
      ) : (
        <ol className="space-y-3 border-l border-slate-200 pl-4" data-testid="review-timeline">
          {events.map((event) => (
            <li key={event.id} className="text-sm" data-testid="review-timeline-event" data-kind={event.kind}>
              <p className="text-slate-900">
                <time dateTime={event.createdAt.toISOString()} className="text-slate-600">{when(event.createdAt)}</time>{" · "}
                {t(`timeline.events.${event.kind}`, { actor: event.actorName ?? t("timeline.someone") })}
              </p>
              {event.comment ? (
                <blockquote className="mt-1 whitespace-pre-line rounded-md bg-slate-50 px-3 py-2 text-slate-800">
                  <span className="sr-only">{t("timeline.comment")}: </span>
                  {event.comment}
                </blockquote>
              ) : null}
            </li>
          ))}
          {published && effectiveAt ? (
            <li className="text-sm text-slate-900" data-testid="review-timeline-effective">
              {effectiveAt > now ? t("timeline.effectiveLater", { date: when(effectiveAt) }) : t("timeline.tookEffect", { date: when(effectiveAt) })}
            </li>
          ) : null}
        </ol>
      )}
    </section>
  );
}
