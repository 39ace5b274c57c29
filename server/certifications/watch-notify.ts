import "server-only";
import { z } from "zod";
import { dayInZone, formatDate } from "@/lib/dates";
import { CERTIFICATION_FRAMEWORKS } from "@/lib/validation/certifications";
import { getDb, withTenant } from "../db/client";
import { env } from "../env";
import { translator } from "../i18n/translator";
import { enqueueOutbox } from "../outbox/enqueue";
import type { OutboxMessageView } from "../outbox/handlers";
import { notifySubscribers } from "../subscriptions/notify";
import { certificationExpiringMessage, type CertificationChange } from "./watch";

// The certification watch's side of the worker: the handlers that mail subscribers for
// "certification.changed" and "certification.expiring", and the daily task that finds
// certificates expiring within 30 days.

export const EXPIRING_WITHIN_DAYS = 30;

const changedPayload = z.object({
  certificationId: z.string(),
  framework: z.enum(CERTIFICATION_FRAMEWORKS),
  label: z.string().nullable(),
  changes: z.array(z.enum(["added", "renewed", "scope", "suspended", "withdrawn", "reinstated"])).min(1),
  validUntil: z.string(),
  previousValidUntil: z.string().optional(),
});

const expiringPayload = z.object({
  certificationId: z.string(),
  framework: z.enum(CERTIFICATION_FRAMEWORKS),
  label: z.string().nullable(),
  validUntil: z.string(),
});

async function tenantOf(tenantId: string | null) {
  if (!tenantId) throw new Error("a certification message without a tenant");
  const db = await getDb();
  return db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
}

const day = (value: string, locale: "de" | "en") => formatDate(`${value}T12:00:00Z`, locale, "UTC");

function certificationName(locale: "de" | "en", framework: (typeof CERTIFICATION_FRAMEWORKS)[number], label: string | null) {
  if (framework === "CUSTOM" && label) return label;
  return translator(locale, "measures")(`certifications.framework.${framework}`);
}

export async function handleCertificationChanged(message: OutboxMessageView): Promise<void> {
  const payload = changedPayload.parse(message.payload);
  const tenant = await tenantOf(message.tenantId);
  const url = new URL(`/${tenant.slug}/certifications`, env().APP_ORIGIN).toString();
  await notifySubscribers({
    tenantId: tenant.id,
    topic: "certifications",
    dedupeKey: message.dedupeKey,
    compose: ({ locale, unsubscribeUrl }) => {
      const t = translator(locale, "certifications");
      const name = certificationName(locale, payload.framework, payload.label);
      const lines = payload.changes.map((change: CertificationChange) =>
        t(`watch.change.${change}`, { name, validUntil: day(payload.validUntil, locale), previous: payload.previousValidUntil ? day(payload.previousValidUntil, locale) : "" }),
      );
      return {
        subject: t("watch.changedSubject", { tenant: tenant.name, name }),
        text: t("watch.changedBody", { tenant: tenant.name, name, changes: lines.map((line) => `- ${line}`).join("\n"), url, unsubscribeUrl }),
      };
    },
  });
}

export async function handleCertificationExpiring(message: OutboxMessageView): Promise<void> {
  const payload = expiringPayload.parse(message.payload);
  const tenant = await tenantOf(message.tenantId);
  const url = new URL(`/${tenant.slug}/certifications`, env().APP_ORIGIN).toString();
  await notifySubscribers({
    tenantId: tenant.id,
    topic: "certifications",
    dedupeKey: message.dedupeKey,
    compose: ({ locale, unsubscribeUrl }) => {
      const t = translator(locale, "certifications");
      const name = certificationName(locale, payload.framework, payload.label);
      return {
        subject: t("watch.expiringSubject", { tenant: tenant.name, name, validUntil: day(payload.validUntil, locale) }),
        text: t("watch.expiringBody", { tenant: tenant.name, name, validUntil: day(payload.validUntil, locale), url, unsubscribeUrl }),
      };
    },
  });
}

/**
 * The daily task: one "certification.expiring" message per certificate and valid-until date for every
 * certificate (not withdrawn) that expires within 30 days of the tenant's today. Idempotent by key.
 */
export async function enqueueExpiringCertifications(now: Date): Promise<number> {
  const db = await getDb();
  const tenants = await db.tenant.findMany({ select: { id: true, timeZone: true } });
  let written = 0;
  for (const tenant of tenants) {
    const today = dayInZone(now.toISOString(), tenant.timeZone);
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRING_WITHIN_DAYS * 86_400_000);
    written += await withTenant(tenant.id, async (tx) => {
      const expiring = await tx.certification.findMany({
        where: { tenantId: tenant.id, withdrawn: false, validUntil: { gte: new Date(`${today}T00:00:00Z`), lte: horizon } },
        select: { id: true, tenantId: true, framework: true, label: true, validUntil: true },
      });
      return expiring.length > 0 ? enqueueOutbox(tx, expiring.map(certificationExpiringMessage)) : 0;
    });
  }
  return written;
}
