import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
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

/** The events as a table that scrolls sideways inside its own frame on a narrow screen (the page shows the empty state). */
export async function AuditTable({ locale, events, timeZone, page }: Props) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const tc = await getTranslations({ locale, namespace: "console" });
  const role = (value: string) => (isStaffRole(value) ? tc(`roles.${value}`) : value);
  // Message keys cannot contain dots (next-intl reads them as nesting): "member.removed" → "member_removed".
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}` as "actions.member_removed";
    return t.has(key) ? t(key) : null;
  };
  // Small upper-case headings, so six dense columns fit at the table's minimum width.
  const header = (text: string) => <span className="whitespace-nowrap text-xs uppercase tracking-wide">{text}</span>;
  return (
    <DataTable
      caption={t("table.caption", { page })}
      testId="audit-table"
      density="compact"
      minWidth="min-w-[56rem]"
      className="shadow-sm"
      rows={events}
      rowKey={(event) => String(event.id)}
      rowAttributes={() => ({ "data-testid": "audit-event" })}
      columns={[
        {
          key: "time",
          header: header(t("table.time")),
          className: "whitespace-nowrap",
          cell: (event) => <time dateTime={event.createdAt.toISOString()}>{formatTimestamp(event.createdAt, locale, timeZone)}</time>,
        },
        {
          key: "actor",
          header: header(t("table.actor")),
          cell: (event) => (
            <>
              <span className="break-all">{event.actorEmail ?? t("table.unknownActor")}</span>
              {event.actorRoles.length > 0 ? <span className="block text-xs text-slate-600">{event.actorRoles.map(role).join(", ")}</span> : null}
            </>
          ),
        },
        {
          key: "action",
          header: header(t("table.action")),
          // The words for people, the code for filters and exports.
          cell: (event) => (
            <>
              {actionLabel(event.action) ? <span className="block">{actionLabel(event.action)}</span> : null}
              <span className="block whitespace-nowrap font-mono text-xs text-slate-600" data-testid="audit-action">
                {event.action}
              </span>
            </>
          ),
        },
        {
          key: "target",
          header: header(t("table.target")),
          className: "font-mono text-xs",
          cell: (event) =>
            event.targetType ? (
              <>
                <span className="block">{event.targetType}</span>
                <span className="block break-all text-slate-600">{event.targetId}</span>
              </>
            ) : null,
        },
        { key: "ip", header: header(t("table.ip")), className: "whitespace-nowrap font-mono text-xs", cell: (event) => event.ip },
        { key: "requestId", header: header(t("table.requestId")), className: "font-mono text-xs text-slate-700", cell: (event) => event.requestId },
      ]}
    />
  );
}
