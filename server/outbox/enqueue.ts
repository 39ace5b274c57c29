import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";

// The transactional outbox: a change that must be announced (an email, a webhook, a cache
// revalidation at a future time) writes its message here, in the same transaction as the change.
// The worker (server/outbox/worker.ts) hands due messages to the job engine; handlers are looked
// up by kind in server/outbox/handlers.ts. The dedupe key makes writing the same message twice a
// no-op, so a retried transaction or a double click never announces one change twice.

export interface OutboxEntry {
  /** null only for platform mail outside any tenant. */
  tenantId: string | null;
  /** Handler name, e.g. "measures.published". */
  kind: string;
  /** Unique across all messages, e.g. `measures.published:${versionId}`. */
  dedupeKey: string;
  payload: Prisma.InputJsonObject;
  /** Not before this time (a scheduled version's effective date); default now. */
  availableAt?: Date;
}

/** Writes the messages inside `tx`; returns how many were new (a duplicate key is skipped). */
export async function enqueueOutbox(tx: Tx, entries: OutboxEntry | OutboxEntry[]): Promise<number> {
  const list = [entries].flat();
  if (list.length === 0) return 0;
  // createMany: INSERT without RETURNING, so the caller's tenant context needs no read access.
  const { count } = await tx.outboxMessage.createMany({
    data: list.map((entry) => ({
      tenantId: entry.tenantId,
      kind: entry.kind,
      dedupeKey: entry.dedupeKey,
      payload: entry.payload,
      ...(entry.availableAt ? { availableAt: entry.availableAt } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}
