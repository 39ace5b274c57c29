import "server-only";
import type { Locale } from "@/lib/i18n/locales";

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

/** Returns how many emails were sent now (not counting ones sent by an earlier attempt). */
export async function notifySubscribers(input: NotifySubscribersInput): Promise<number> {
  void input;
  throw new Error("notifySubscribers: the subscriptions module has not landed yet");
}
