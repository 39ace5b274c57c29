import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";
import { enqueueOutbox, type OutboxEntry } from "../outbox/enqueue";

// Certification watch: subscribers to "certifications" hear about a new certificate, a renewal
// (valid-until moved), a changed scope or status (suspended, withdrawn, reinstated) and a
// certificate expiring within 30 days — derived from the data, nobody writes a post.

export type CertificationChange = "added" | "renewed" | "scope" | "suspended" | "withdrawn" | "reinstated";

/** What a certification looks like to the watch: the fields a subscriber is told about. */
export interface WatchedCertification {
  id: string;
  tenantId: string;
  framework: string;
  label: string | null;
  scope: Prisma.JsonValue;
  validUntil: Date;
  suspended: boolean;
  withdrawn: boolean;
  updatedAt: Date;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Canonical JSON (sorted keys), so equal scopes compare equal whatever order they were written in. */
function canonical(value: Prisma.JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, Prisma.JsonValue>)[key] ?? null)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The announceable differences between two states of one certification (none for a cosmetic edit). */
export function certificationChanges(before: WatchedCertification | null, after: WatchedCertification): CertificationChange[] {
  if (!before) return ["added"];
  const changes: CertificationChange[] = [];
  if (day(before.validUntil) !== day(after.validUntil)) changes.push("renewed");
  if (canonical(before.scope) !== canonical(after.scope)) changes.push("scope");
  if (!before.withdrawn && after.withdrawn) changes.push("withdrawn");
  else if (!before.suspended && after.suspended && !after.withdrawn) changes.push("suspended");
  else if ((before.suspended || before.withdrawn) && !after.suspended && !after.withdrawn) changes.push("reinstated");
  return changes;
}

/**
 * The message for one change of one certification. The dedupe key names the certification, the
 * state it changed from (its updatedAt, unique per saved state) and what changed, so the same change
 * written twice (a retried transaction, a double submit racing on the same state) is one message,
 * while suspending again after a reinstatement is a new one.
 */
export function certificationChangedMessage(before: WatchedCertification | null, after: WatchedCertification): OutboxEntry | null {
  const changes = certificationChanges(before, after);
  if (changes.length === 0) return null;
  const from = before ? before.updatedAt.toISOString() : "new";
  const fingerprint = createHash("sha256").update(`${changes.join("+")}|${day(after.validUntil)}|${canonical(after.scope)}|${after.suspended}|${after.withdrawn}`).digest("hex").slice(0, 16);
  return {
    tenantId: after.tenantId,
    kind: "certification.changed",
    dedupeKey: `certification.changed:${after.id}:${from}:${fingerprint}`,
    payload: {
      certificationId: after.id,
      framework: after.framework,
      label: after.label,
      changes,
      validUntil: day(after.validUntil),
      ...(before && changes.includes("renewed") ? { previousValidUntil: day(before.validUntil) } : {}),
    },
  };
}

/** In the transaction of the change: enqueue its announcement, if it is one. Returns the number of new messages. */
export async function enqueueCertificationChanged(tx: Tx, before: WatchedCertification | null, after: WatchedCertification): Promise<number> {
  const message = certificationChangedMessage(before, after);
  return message ? enqueueOutbox(tx, message) : 0;
}

/** Once per certificate and valid-until date: re-running the task (or a renewal to the same date) adds nothing. */
export function certificationExpiringMessage(cert: Pick<WatchedCertification, "id" | "tenantId" | "framework" | "label" | "validUntil">): OutboxEntry {
  return {
    tenantId: cert.tenantId,
    kind: "certification.expiring",
    dedupeKey: `certification.expiring:${cert.id}:${day(cert.validUntil)}`,
    payload: { certificationId: cert.id, framework: cert.framework, label: cert.label, validUntil: day(cert.validUntil) },
  };
}

export const WATCH_SELECT = { id: true, tenantId: true, framework: true, label: true, scope: true, validUntil: true, suspended: true, withdrawn: true, updatedAt: true } as const;
