import { getTranslations } from "next-intl/server";
import { isStaffRole } from "@/lib/auth/permissions";
import { formatTimestamp } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { AuditEventRow } from "@/server/audit/queries";

interface Props {
  locale: Locale;
  events: AuditEventRow[];
  timeZone: string;
  page: number;
}

/** The events as a table that scrolls sideways inside its own frame on a narrow screen. */
export async function AuditTable({ locale, events, timeZone, page }: Props) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const tc = await getTranslations({ locale, namespace: "console" });
  const role = (value: string) => (isStaffRole(value) ? tc(`roles.${value}`) : value);
  // Message keys cannot contain dots (next-intl reads them as nesting): "member.removed" → "member_removed".
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}` as "actions.member_removed";
    return t.has(key) ? t(key) : null;
  };
  const header = "whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
  const cell = "px-3 py-2 align-top";
  return (
    // Focusable, so keyboard users can scroll the region (a scrollable area needs a tab stop).
    <div role="region" aria-labelledby="audit-table-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-[56rem] w-full border-collapse text-sm" data-testid="audit-table">
        <caption id="audit-table-caption" className="sr-only">
          {t("table.caption", { page })}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={header}>{t("table.time")}</th>
            <th scope="col" className={header}>{t("table.actor")}</th>
            <th scope="col" className={header}>{t("table.action")}</th>
            <th scope="col" className={header}>{t("table.target")}</th>
            <th scope="col" className={header}>{t("table.ip")}</th>
            <th scope="col" className={header}>{t("table.requestId")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((event) => (
            <tr key={String(event.id)} data-testid="audit-event">
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={event.createdAt.toISOString()}>{formatTimestamp(event.createdAt, locale, timeZone)}</time>
              </td>
              <td className={cell}>
                <span className="break-all">{event.actorEmail ?? t("table.unknownActor")}</span>
                {event.actorRoles.length > 0 ? <span className="block text-xs text-slate-600">{event.actorRoles.map(role).join(", ")}</span> : null}
              </td>
              <td className={cell}>
                {/* The words for people, the code for filters and exports. */}
                {actionLabel(event.action) ? <span className="block">{actionLabel(event.action)}</span> : null}
                <span className="block whitespace-nowrap font-mono text-xs text-slate-600" data-testid="audit-action">
                  {event.action}
                </span>
              </td>
              <td className={`${cell} font-mono text-xs`}>
                {event.targetType ? (
                  <>
                    <span className="block">{event.targetType}</span>
                    <span className="block break-all text-slate-600">{event.targetId}</span>
                  </>
                ) : null}
              </td>
              <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{event.ip}</td>
              <td className={`${cell} font-mono text-xs text-slate-700`}>{event.requestId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
