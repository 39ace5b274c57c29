import "server-only";
import { formatDate } from "@/lib/dates";
import { asLocalizedText, pickLocalized } from "@/lib/i18n/localized";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { trustCenterHref } from "@/lib/trust-center/links";
import { withTenant } from "../db";
import { env } from "../env";
import { translator } from "../i18n/translator";
import type { OutboxMessageView } from "../outbox/handlers";
import { queueWebhookEvent, deliverWebhook } from "../webhooks/deliver";
import { notifySubscribers } from "./notify";

// Outbox handlers for "measures.published" and "measures.took_effect" {versionId, number}: each
// subscriber of "measures" gets one email in their language (change summary, kind, effective date,
// link to the redline against the previous version), and the tenant's webhooks are called.

type Event = "measures.published" | "measures.took_effect";

interface VersionPayload {
  versionId: string;
  number: number;
}

export const announcePublishedVersion = (message: OutboxMessageView) => announceVersion(message, "measures.published");
export const announceVersionInEffect = (message: OutboxMessageView) => announceVersion(message, "measures.took_effect");

async function announceVersion(message: OutboxMessageView, event: Event): Promise<void> {
  const { versionId } = message.payload as VersionPayload;
  if (!message.tenantId) return;
  const tenantId = message.tenantId;
  const facts = await withTenant(tenantId, async (tx) => {
    const version = await tx.measuresVersion.findFirst({
      where: { id: versionId, tenantId, status: "PUBLISHED" },
      select: { documentId: true, number: true, changeSummary: true, changeKind: true, effectiveAt: true, publishedAt: true },
    });
    if (!version) return null;
    const previous = await tx.measuresVersion.findFirst({
      where: { documentId: version.documentId, status: "PUBLISHED", number: { lt: version.number } },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, name: true, timeZone: true, defaultLocale: true } });
    return { version, previous, tenant };
  });
  // Not (or no longer) a published version of this tenant: nothing to announce.
  if (!facts) return;
  const { version, previous, tenant } = facts;
  const effectiveAt = version.effectiveAt ?? version.publishedAt ?? new Date();
  const absolute = (path: string, locale: Locale, query?: Record<string, number>) => `${env().APP_ORIGIN}${trustCenterHref(tenant.slug, path, locale, query)}`;

  await notifySubscribers({
    tenantId,
    topic: "measures",
    dedupeKey: message.dedupeKey,
    compose: ({ locale, unsubscribeUrl }) => {
      const t = translator(locale, "subscriptions");
      const summary = pickLocalized(asLocalizedText(version.changeSummary), locale, isLocale(tenant.defaultLocale) ? tenant.defaultLocale : DEFAULT_LOCALE)?.value?.trim();
      const lines = [
        t(event === "measures.published" ? "mail.publishedIntro" : "mail.tookEffectIntro", { tenant: tenant.name, number: version.number }),
        "",
        t("mail.kind", { kind: t(`mail.kinds.${version.changeKind}`) }),
        t("mail.effective", { date: formatDate(effectiveAt.toISOString(), locale, tenant.timeZone) }),
        "",
        t("mail.summary"),
        summary || t("mail.noSummary"),
        "",
        ...(previous
          ? [t("mail.redline", { previous: previous.number }), absolute("/measures/compare", locale, { from: previous.number, to: version.number })]
          : [t("mail.read", { number: version.number }), absolute(`/measures/v/${version.number}`, locale)]),
        "",
        "-- ",
        t("mail.footer", { tenant: tenant.name, url: unsubscribeUrl }),
      ];
      return {
        subject: t(event === "measures.published" ? "mail.publishedSubject" : "mail.tookEffectSubject", { tenant: tenant.name, number: version.number }),
        text: lines.join("\n"),
      };
    },
  });

  const deliveries = await queueWebhookEvent({
    tenantId,
    event,
    dedupeKey: message.dedupeKey,
    payload: {
      tenant: tenant.slug,
      version: version.number,
      previousVersion: previous?.number ?? null,
      changeKind: version.changeKind,
      effectiveAt: effectiveAt.toISOString(),
      changeSummary: asLocalizedText(version.changeSummary),
      url: `${env().APP_ORIGIN}/${tenant.slug}/measures/v/${version.number}`,
      redlineUrl: previous ? `${env().APP_ORIGIN}/${tenant.slug}/measures/compare?from=${previous.number}&to=${version.number}` : null,
    },
  });
  // First attempt now; failures are retried by the worker's sweep, not by this job.
  for (const id of deliveries) await deliverWebhook(id);
}
