import "server-only";
import { getDb } from "../db/client";
import { env } from "../env";

// Outgoing mail: SMTP through nodemailer when SMTP_URL is set; otherwise (never in production,
// see server/env.ts) the local mailbox at /mailbox, so a newcomer's demo works without a mail server.

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A fixed Message-ID (e.g. derived from a dedupe key), so a re-sent copy is recognisably the same message. */
  messageId?: string;
  headers?: Record<string, string>;
}

type Transport = { sendMail(message: Record<string, unknown>): Promise<unknown> };
const holder = globalThis as unknown as { __vouchsafeSmtp?: Promise<Transport> };

async function smtpTransport(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  // Bounded phases, so a send that hangs ends well within the outbox worker's claim lease (server/outbox/email.ts).
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as Parameters<typeof nodemailer.createTransport>[0]);
}

export function localMailboxEnabled(): boolean {
  return !env().SMTP_URL && env().APP_ENV !== "production";
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    const transport = await (holder.__vouchsafeSmtp ??= smtpTransport(SMTP_URL));
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers });
    return;
  }
  if (!localMailboxEnabled()) throw new Error("SMTP_URL is not configured");
  const db = await getDb();
  await db.mailboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text }, select: { id: true } });
}
