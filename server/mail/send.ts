import "server-only";
import { getDb } from "../db/client";
import { env } from "../env";

// Outgoing mail: SMTP through nodemailer when SMTP_URL is set; otherwise (never in production,
// see server/env.ts) the local mailbox at /mailbox, so a newcomer's demo works without a mail server.

export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

type Transport = { sendMail(message: Record<string, unknown>): Promise<unknown> };
const holder = globalThis as unknown as { __vouchsafeSmtp?: Promise<Transport> };

async function smtpTransport(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  return nodemailer.createTransport(url);
}

export function localMailboxEnabled(): boolean {
  return !env().SMTP_URL && env().APP_ENV !== "production";
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    const transport = await (holder.__vouchsafeSmtp ??= smtpTransport(SMTP_URL));
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    return;
  }
  if (!localMailboxEnabled()) throw new Error("SMTP_URL is not configured");
  const db = await getDb();
  await db.mailboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text }, select: { id: true } });
}
