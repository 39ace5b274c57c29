import "server-only";
import { createHash } from "node:crypto";
import { DeliveryStatus } from "@/lib/generated/prisma/client";
import { withWorker } from "../db";
import { env } from "../env";
import { sendMail } from "../mail/send";

// One email to one recipient, at most once per dedupe key. The row in email_deliveries is claimed
// (PENDING/FAILED -> SENDING) in its own committed transaction before the SMTP conversation starts
// and marked SENT after the server accepted the message, so a retried job skips what an earlier
// attempt sent. A claim is only taken over once it is older than OUTBOX_EMAIL_CLAIM_SECONDS (the
// sender died mid-send; the SMTP timeouts in server/mail/send.ts end a live send well before that). If the
// sender died after the server accepted the mail but before SENT was recorded, the copy sent again
// carries the same Message-ID, which mailboxes use to recognise it as the same message.

/** Longer than any live send (SMTP connection, greeting and socket timeouts are 10-20 s); default 60 s. */
export const claimLeaseMs = () => env().OUTBOX_EMAIL_CLAIM_SECONDS * 1000;

export interface EmailOnce {
  tenantId: string | null;
  /** Unique per recipient and message, e.g. `measures.published:${versionId}:${subscriptionId}`. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Another attempt holds a fresh claim on this email: the job retries later instead of sending twice. */
export class EmailInFlightError extends Error {
  constructor(dedupeKey: string) {
    super(`email ${dedupeKey} is being sent by another attempt`);
    this.name = "EmailInFlightError";
  }
}

export async function sendEmailOnce(email: EmailOnce): Promise<"sent" | "already-sent"> {
  const claim = await claimEmail(email);
  if (claim === "already-sent") return claim;
  if (claim === "in-flight") throw new EmailInFlightError(email.dedupeKey);
  try {
    await sendMail({ to: email.to, subject: email.subject, text: email.text, html: email.html, headers: email.headers, messageId: messageIdFor(email.dedupeKey) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withWorker((tx) =>
      tx.emailDelivery.updateMany({ where: { dedupeKey: email.dedupeKey, status: DeliveryStatus.SENDING }, data: { status: DeliveryStatus.FAILED, lastError: message.slice(0, 500) } }),
    );
    throw error;
  }
  await withWorker((tx) =>
    tx.emailDelivery.update({ where: { dedupeKey: email.dedupeKey }, data: { status: DeliveryStatus.SENT, sentAt: new Date(), lastError: null } }),
  );
  return "sent";
}

async function claimEmail(email: EmailOnce): Promise<"claimed" | "already-sent" | "in-flight"> {
  return withWorker(async (tx) => {
    await tx.emailDelivery.createMany({
      data: [{ tenantId: email.tenantId, dedupeKey: email.dedupeKey, to: email.to, subject: email.subject.slice(0, 300) }],
      skipDuplicates: true,
    });
    const now = new Date();
    // One UPDATE decides: concurrent attempts cannot both claim the row.
    const { count } = await tx.emailDelivery.updateMany({
      where: {
        dedupeKey: email.dedupeKey,
        OR: [
          { status: { in: [DeliveryStatus.PENDING, DeliveryStatus.FAILED] } },
          { status: DeliveryStatus.SENDING, OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - claimLeaseMs()) } }] },
        ],
      },
      data: { status: DeliveryStatus.SENDING, claimedAt: now, attempts: { increment: 1 } },
    });
    if (count === 1) return "claimed";
    const row = await tx.emailDelivery.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { status: true } });
    return row?.status === DeliveryStatus.SENT ? "already-sent" : "in-flight";
  });
}

/** The same Message-ID for every copy of one (message, recipient). */
export function messageIdFor(dedupeKey: string): string {
  const digest = createHash("sha256").update(dedupeKey, "utf8").digest("hex").slice(0, 40);
  return `<${digest}@${new URL(env().APP_ORIGIN).hostname}>`;
}
