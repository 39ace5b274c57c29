import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { normalizeEmail } from "@/lib/auth/email";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { getDb } from "../db/client";
import { env } from "../env";
import { translator } from "../i18n/translator";
import { sendMail } from "../mail/send";
import type { RequestMeta } from "../request-context";
import { consume } from "../security/rate-limit";
import { hashToken, newToken } from "../security/tokens";
import { createSession, sessionKindFor } from "./session";

// Customer sign-in by email. The link opens a page whose button POSTs the token (mail scanners
// that prefetch links must not use it up); the token is single-use, valid for 10 minutes, stored hashed.
export const MAGIC_LINK_TTL_MS = 10 * 60_000;

/** Sends a sign-in link; answers the same whether or not an account exists. */
export async function requestMagicLink(input: { email: string; next: string; locale: Locale; meta: RequestMeta }): Promise<void> {
  const email = normalizeEmail(input.email);
  await consume("magicLinkPerIp", input.meta.ip ?? "unknown");
  await consume("magicLinkPerEmail", hashToken(email));
  const token = newToken();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({ data: { identifier: email, token: hashToken(token), expires: new Date(Date.now() + MAGIC_LINK_TTL_MS) } });
    await recordAudit(tx, { tenantId: null, actor: { id: null, email }, action: "auth.magic_link.requested", meta: input.meta });
  });
  const url = new URL("/signin/link", env().APP_ORIGIN);
  url.searchParams.set("token", token);
  url.searchParams.set("email", email);
  if (input.next !== "/account") url.searchParams.set("next", input.next);
  url.searchParams.set("lang", input.locale);
  const t = translator(input.locale, "mail");
  await sendMail({
    to: email,
    subject: t("magicLink.subject"),
    text: t("magicLink.body", { url: url.toString(), minutes: MAGIC_LINK_TTL_MS / 60_000 }),
  });
}

/** Uses a sign-in link: exactly once, before it expires. Returns the new session's cookie value. */
export async function redeemMagicLink(input: { email: string; token: string; meta: RequestMeta }): Promise<{ token: string }> {
  const email = normalizeEmail(input.email);
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    // Deleting is the check: of two concurrent redemptions only one deletes the row.
    const { count } = await tx.verificationToken.deleteMany({ where: { identifier: email, token: hashToken(input.token), expires: { gt: new Date() } } });
    if (count !== 1) return null;
    const user = await tx.user.upsert({ where: { email }, create: { email, emailVerified: new Date() }, update: {} });
    if (user.disabledAt) return null;
    if (!user.emailVerified) await tx.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    const session = await createSession(tx, { userId: user.id, method: "MAGIC_LINK", mfa: false, kind: await sessionKindFor(tx, user.id), ip: input.meta.ip, userAgent: input.meta.userAgent });
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email }, action: "auth.signin.succeeded", data: { method: "magic_link" }, meta: input.meta });
    return session;
  });
  if (!result) {
    await db.$transaction((tx) => recordAudit(tx, { tenantId: null, actor: { id: null, email }, action: "auth.signin.failed", data: { method: "magic_link", reason: "invalid_or_used_link" }, meta: input.meta }));
    throw new AppError("invalid", "sign-in link invalid, expired or used");
  }
  return { token: result.token };
}
