import "server-only";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { withTenant } from "../db/client";
import { env } from "../env";
import { translator } from "../i18n/translator";
import type { OutboxMessageView } from "../outbox/handlers";
import { sendEmailOnce } from "../outbox/email";

// The workflow's mails, sent by the outbox worker (at least once, each recipient at most once per
// message through sendEmailOnce's dedupe key): the reviewers hear of a new request, an answer and
// a request waiting too long; the customer hears of every decision, in the request's language.

type StaffMailKind = "submitted" | "answered" | "reminder";
type DecisionTransition = "requestInformation" | "issue" | "reject" | "revoke";
const DECISIONS: readonly DecisionTransition[] = ["requestInformation", "issue", "reject", "revoke"];

interface Payload {
  requestId?: unknown;
  transition?: unknown;
  /** The question or reason of this decision (written with the message). */
  message?: unknown;
}

function payloadOf(message: OutboxMessageView): Payload {
  return typeof message.payload === "object" && message.payload !== null ? (message.payload as Payload) : {};
}

const url = (path: string) => new URL(path, env().APP_ORIGIN).toString();

async function loadForMail(tenantId: string, requestId: string) {
  return withTenant(tenantId, async (tx) => {
    const request = await tx.attestationRequest.findFirst({
      where: { id: requestId, tenantId },
      select: {
        id: true,
        companyName: true,
        requesterEmail: true,
        requesterName: true,
        locale: true,
        decisionReason: true,
        tenant: { select: { slug: true, name: true } },
      },
    });
    if (!request) return null;
    const reviewers = await tx.membership.findMany({
      where: { tenantId, roles: { has: "SECURITY_REVIEWER" }, user: { disabledAt: null } },
      select: { userId: true, user: { select: { email: true, locale: true } } },
    });
    return { request, reviewers };
  });
}

function staffHandler(kind: StaffMailKind) {
  return async (message: OutboxMessageView): Promise<void> => {
    const { requestId } = payloadOf(message);
    if (!message.tenantId || typeof requestId !== "string") return;
    const loaded = await loadForMail(message.tenantId, requestId);
    if (!loaded) return;
    const { request, reviewers } = loaded;
    for (const reviewer of reviewers) {
      const locale: Locale = isLocale(reviewer.user.locale) ? reviewer.user.locale : "de";
      const t = translator(locale, "attestations");
      const values = { tenant: request.tenant.name, company: request.companyName, requester: request.requesterEmail, url: url(`/${request.tenant.slug}/admin/attestations/${request.id}`) };
      await sendEmailOnce({
        tenantId: message.tenantId,
        dedupeKey: `${message.dedupeKey}:${reviewer.userId}`,
        to: reviewer.user.email,
        subject: t(`mail.${kind}.subject`, values),
        text: t(`mail.${kind}.body`, values),
      });
    }
  };
}

async function decisionHandler(message: OutboxMessageView): Promise<void> {
  const { requestId, transition, message: decisionText } = payloadOf(message);
  if (!message.tenantId || typeof requestId !== "string" || !DECISIONS.includes(transition as DecisionTransition)) return;
  const loaded = await loadForMail(message.tenantId, requestId);
  if (!loaded) return;
  const { request } = loaded;
  const locale: Locale = isLocale(request.locale) ? request.locale : "de";
  const t = translator(locale, "attestations");
  const kind = transition as DecisionTransition;
  const text = typeof decisionText === "string" ? decisionText : (request.decisionReason ?? "");
  const values = { tenant: request.tenant.name, company: request.companyName, message: text, url: url(`/account/attestations#request-${request.id}`) };
  await sendEmailOnce({
    tenantId: message.tenantId,
    dedupeKey: message.dedupeKey,
    to: request.requesterEmail,
    subject: t(`mail.${kind}.subject`, values),
    text: t(`mail.${kind}.body`, values),
  });
}

export const attestationHandlers = {
  "attestation.submitted": staffHandler("submitted"),
  "attestation.answered": staffHandler("answered"),
  "attestation.reminder": staffHandler("reminder"),
  "attestation.decided": decisionHandler,
} as const;
