import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";
import type { RequestMeta } from "../request-context";

// Append one event to the audit log inside the caller's transaction, so the event exists exactly
// when the change does. The database trigger assigns seq, prev_hash and hash (the chain).

export interface AuditActor {
  id: string | null;
  email: string | null;
  roles?: readonly string[];
}

export interface AuditEntry {
  /** null for events outside a tenant (sign-in, MFA): the "platform" chain. */
  tenantId: string | null;
  actor: AuditActor;
  /** Dotted verb, e.g. "member.removed", "auth.signin.failed". */
  action: string;
  target?: { type: string; id: string };
  data?: Prisma.InputJsonObject;
  meta: RequestMeta | null;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  // createMany: INSERT without RETURNING. A platform event (no tenant) is not readable by the app
  // role, and RETURNING would have to pass the read policy.
  await tx.auditEvent.createMany({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      actorRoles: [...(entry.actor.roles ?? [])],
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
      requestId: entry.meta?.requestId ?? null,
      data: entry.data ?? {},
    },
  });
}
