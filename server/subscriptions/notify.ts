import "server-only";
import { isLocale, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { withWorker } from "../db";
import { sendEmailOnce } from "../outbox/email";
import { unsubscribeUrl } from "./tokens";

// Contract for features that notify a tenant's subscribers (measures, certifications): called by
// an outbox handler, sends each confirmed subscriber of `topic` one email in their locale, at most
// once per (dedupeKey, subscriber), with one-click unsubscribe headers.

export type SubscriptionTopic = "measures" | "certifications" | "incidents";

export interface SubscriberMail {
  subject: string;
  text: string;
  html?: string;
}

export interface NotifySubscribersInput {
  tenantId: string;
  topic: SubscriptionTopic;
  /** Base of the per-subscriber dedupe key, e.g. `measures.published:${versionId}`. */
  dedupeKey: string;
  compose: (subscriber: { locale: Locale; unsubscribeUrl: string }) => SubscriberMail | Promise<SubscriberMail>;
}

/** Sends in parallel up to this many at a time: fast enough for thousands, gentle on the SMTP relay. */
const PARALLEL_SENDS = 4;

/**
 * Returns how many emails were sent now (not counting ones sent by an earlier attempt). When some
 * sends fail, the others still go out and the call throws afterwards, so the job is retried and
 * the retry sends only what is missing.
 */
export async function notifySubscribers(input: NotifySubscribersInput): Promise<number> {
  const { tenant, subscribers } = await withWorker(async (tx) => ({
    tenant: await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { slug: true } }),
    subscribers: await tx.subscription.findMany({
      where: { tenantId: input.tenantId, confirmedAt: { not: null }, topics: { has: input.topic } },
      select: { id: true, email: true, locale: true },
      orderBy: { id: "asc" },
    }),
  }));
  if (!tenant) return 0;

  let sent = 0;
  const failures: unknown[] = [];
  let next = 0;
  async function lane() {
    while (next < subscribers.length) {
      const subscriber = subscribers[next++]!;
      try {
        const locale = isLocale(subscriber.locale) ? subscriber.locale : DEFAULT_LOCALE;
        const url = unsubscribeUrl(tenant!.slug, subscriber.id, locale);
        const mail = await input.compose({ locale, unsubscribeUrl: url });
        const outcome = await sendEmailOnce({
          tenantId: input.tenantId,
          dedupeKey: `${input.dedupeKey}:${subscriber.id}`,
          to: subscriber.email,
          ...mail,
          headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
        if (outcome === "sent") sent++;
      } catch (error) {
        failures.push(error);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, subscribers.length) }, lane));
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} of ${subscribers.length} emails for ${input.dedupeKey} failed (${sent} sent now)`);
  }
  return sent;
}
