import "server-only";
import { startOfDayInZone } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextDay, type AuditFilter } from "@/lib/validation/audit-filter";
import { withTenant, type Tx } from "../db/client";

// Reading a tenant's audit log for the console and the CSV export. Every read runs in the tenant's
// context as app_user, so row-level security decides what is visible: the tenant's own chain and
// the sign-in/MFA events of its staff (policies audit_read, audit_read_staff_platform).

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: bigint;
  createdAt: Date;
  actorEmail: string | null;
  actorRoles: string[];
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  data: Prisma.JsonValue;
}

const SELECT = {
  id: true, createdAt: true, actorEmail: true, actorRoles: true, action: true, targetType: true, targetId: true, ip: true, userAgent: true, requestId: true, data: true,
} as const satisfies Prisma.AuditEventSelect;

/** Newest first; id breaks ties between events of the same millisecond. */
const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** LIKE treats % and _ as wildcards; an actor filter means the literal text. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The filter as a query; days are calendar days in the tenant's time zone, "to" inclusive. */
export function auditWhere(tenantId: string, filter: AuditFilter, timeZone: string): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [
    // Row-level security already limits the rows; this keeps another tenant's rows out even if it did not.
    { OR: [{ tenantId }, { tenantId: null }] },
  ];
  if (filter.actor) and.push({ actorEmail: { contains: escapeLike(filter.actor), mode: "insensitive" } });
  if (filter.action) and.push(filter.action.endsWith(".") ? { action: { startsWith: escapeLike(filter.action) } } : { action: filter.action });
  if (filter.from) and.push({ createdAt: { gte: startOfDayInZone(filter.from, timeZone) } });
  if (filter.to) and.push({ createdAt: { lt: startOfDayInZone(nextDay(filter.to), timeZone) } });
  return { AND: and };
}

async function timeZoneOf(tx: Tx, tenantId: string): Promise<string> {
  return (await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } })).timeZone;
}

export interface AuditLogPage {
  events: AuditEventRow[];
  page: number;
  hasNext: boolean;
  timeZone: string;
}

/** One page of the console's list (page 1 = the newest 50). */
export async function listAuditEvents(tenantId: string, filter: AuditFilter, page: number): Promise<AuditLogPage> {
  return withTenant(tenantId, async (tx) => {
    const timeZone = await timeZoneOf(tx, tenantId);
    const rows = await tx.auditEvent.findMany({
      where: auditWhere(tenantId, filter, timeZone),
      orderBy: NEWEST_FIRST,
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      // One more than a page tells whether there is a next page without counting the whole log.
      take: AUDIT_PAGE_SIZE + 1,
      select: SELECT,
    });
    return { events: rows.slice(0, AUDIT_PAGE_SIZE), page, hasNext: rows.length > AUDIT_PAGE_SIZE, timeZone };
  });
}

/**
 * Every matching event, newest first, in batches: each batch is its own short transaction that
 * continues after the last row of the previous one (a stable position even while events are added).
 */
export async function* auditEventBatches(tenantId: string, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditEventRow[]> {
  let after: { createdAt: Date; id: bigint } | null = null;
  for (;;) {
    const cursor: typeof after = after;
    const batch: AuditEventRow[] = await withTenant(tenantId, async (tx) => {
      const where = auditWhere(tenantId, filter, await timeZoneOf(tx, tenantId));
      const position: Prisma.AuditEventWhereInput = cursor
        ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
        : {};
      return tx.auditEvent.findMany({ where: { AND: [where, position] }, orderBy: NEWEST_FIRST, take: batchSize, select: SELECT });
    });
    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export async function tenantTimeZone(tenantId: string): Promise<string> {
  return withTenant(tenantId, (tx) => timeZoneOf(tx, tenantId));
}
