import "server-only";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { withWorker } from "../db";
import { env } from "../env";
import { translator } from "../i18n/translator";
import type { OutboxMessageView } from "../outbox/handlers";
import { sendEmailOnce } from "../outbox/email";
import { open } from "../security/secret-box";
import { CONFIRM_TOKEN_PURPOSE } from "./subscribe";
import { confirmUrl, unsubscribeUrl } from "./tokens";

// Outbox handler for "subscription.confirm": the double opt-in email (or, for an address that is
// already subscribed, a note saying so with its unsubscribe link), in the subscriber's language.

interface ConfirmPayload {
  subscriptionId: string;
  /** The confirmation token, sealed (absent for the "already subscribed" note). */
  token?: string;
  already?: boolean;
}

export async function sendSubscriptionConfirmation(message: OutboxMessageView): Promise<void> {
  const payload = message.payload as ConfirmPayload;
  const found = await withWorker(async (tx) => {
    const subscription = await tx.subscription.findUnique({ where: { id: payload.subscriptionId }, select: { id: true, email: true, locale: true, topics: true, tenantId: true } });
    const tenant = subscription ? await tx.tenant.findUnique({ where: { id: subscription.tenantId }, select: { slug: true, name: true } }) : null;
    return subscription && tenant ? { subscription, tenant } : null;
  });
  // Unsubscribed (deleted) before the email went out: nothing to confirm.
  if (!found) return;
  const { subscription, tenant } = found;
  const locale = isLocale(subscription.locale) ? subscription.locale : DEFAULT_LOCALE;
  const t = translator(locale, "subscriptions");
  const topics = subscription.topics.map((topic) => t(`topics.${topic}` as "topics.measures")).join(", ");
  const headers: Record<string, string> = {};
  let subject: string;
  let text: string;
  if (payload.already || !payload.token) {
    const url = unsubscribeUrl(tenant.slug, subscription.id, locale);
    subject = t("mail.alreadySubject", { tenant: tenant.name });
    text = t("mail.alreadyText", { tenant: tenant.name, topics, accountUrl: `${env().APP_ORIGIN}/account/subscriptions`, unsubscribeUrl: url });
    headers["List-Unsubscribe"] = `<${url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  } else {
    subject = t("mail.confirmSubject", { tenant: tenant.name });
    text = t("mail.confirmText", { tenant: tenant.name, topics, url: confirmUrl(tenant.slug, open(payload.token, CONFIRM_TOKEN_PURPOSE), locale) });
  }
  await sendEmailOnce({ tenantId: message.tenantId, dedupeKey: message.dedupeKey, to: subscription.email, subject, text, headers });
}
