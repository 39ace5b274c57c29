import "server-only";
import type { OutboxEntry } from "../../outbox/enqueue";

// What a publication announces, written to the outbox in the publishing transaction: subscribers
// and webhooks hear of it now; a version that takes effect later is announced again at its
// effective date, when the tenant's cached pages are also invalidated so that it becomes current
// without a deploy (nothing else would touch the cache at that moment).

export interface Publication {
  tenantId: string;
  slug: string;
  versionId: string;
  number: number;
  publishedAt: Date;
  effectiveAt: Date;
}

export function publicationMessages(p: Publication): OutboxEntry[] {
  const entries: OutboxEntry[] = [
    { tenantId: p.tenantId, kind: "measures.published", dedupeKey: `measures.published:${p.versionId}`, payload: { versionId: p.versionId, number: p.number } },
  ];
  if (p.effectiveAt > p.publishedAt) {
    entries.push(
      {
        tenantId: p.tenantId,
        kind: "measures.took_effect",
        dedupeKey: `measures.took_effect:${p.versionId}`,
        payload: { versionId: p.versionId, number: p.number },
        availableAt: p.effectiveAt,
      },
      {
        tenantId: p.tenantId,
        kind: "trust-center.revalidate",
        dedupeKey: `trust-center.revalidate:measures-effective:${p.versionId}`,
        payload: { slug: p.slug },
        availableAt: p.effectiveAt,
      },
    );
  }
  return entries;
}
