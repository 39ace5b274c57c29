import "server-only";
import { csvRow } from "@/lib/csv";
import type { AuditFilter } from "@/lib/validation/audit-filter";
import type { TenantAccess } from "../auth/guard";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { recordAudit } from "./record";
import { auditEventBatches, type AuditEventRow } from "./queries";

// The CSV export of a tenant's audit log: the same filter as the console page, every matching row
// (streamed in batches, so a long log never sits in memory), and an audit event saying who took it.

export const AUDIT_CSV_COLUMNS = ["time", "actor", "roles", "action", "targetType", "targetId", "ip", "userAgent", "requestId", "data"] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

/** Taking a copy of the log is itself a privileged action, and the filter says what left the system. */
export async function recordAuditExport(access: TenantAccess, filter: AuditFilter, meta: RequestMeta): Promise<void> {
  const data = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Record<string, string>;
  await withTenant(access.tenant.id, (tx) =>
    recordAudit(tx, {
      tenantId: access.tenant.id,
      actor: { id: access.session.user.id, email: access.session.user.email, roles: access.roles },
      action: "audit.exported",
      data: { filter: data },
      meta,
    }),
  );
}

function auditCsvRow(event: AuditEventRow): string {
  return csvRow([
    // ISO 8601 in UTC: unambiguous for any reader, whatever the tenant's time zone.
    event.createdAt.toISOString(),
    event.actorEmail,
    event.actorRoles.join(" "),
    event.action,
    event.targetType,
    event.targetId,
    event.ip,
    event.userAgent,
    event.requestId,
    JSON.stringify(event.data),
  ]);
}

/** The CSV as a byte stream: a BOM (so spreadsheets read UTF-8), the localized header row, the rows. */
export function auditCsvStream(tenantId: string, filter: AuditFilter, header: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = auditEventBatches(tenantId, filter);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

export function auditCsvFilename(tenantSlug: string, day: string): string {
  return `audit-log-${tenantSlug}-${day}.csv`;
}
