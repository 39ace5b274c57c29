"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { magicLinkRequestSchema, secondFactorSchema, staffSignInSchema } from "@/lib/validation/auth";
import { recordAudit } from "@/server/audit/record";
import { requestMagicLink, redeemMagicLink } from "@/server/auth/magic-link";
import { clearSessionCookie, currentSession, deleteSession, setSessionCookie } from "@/server/auth/session";
import { signInWithPassword, verifySecondFactor } from "@/server/auth/staff-sign-in";
import { getDb } from "@/server/db/client";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

export async function requestMagicLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(magicLinkRequestSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  const next = safeRedirectPath(parsed.data.next);
  try {
    await requestMagicLink({ email: parsed.data.email, next, locale, meta });
  } catch (error) {
    return unexpectedErrorState(error, locale, meta, values);
  }
  redirect("/signin/check-email");
}

export async function redeemMagicLinkAction(formData: FormData): Promise<void> {
  const meta = await requestMeta();
  const next = safeRedirectPath(formData.get("next"));
  let token: string;
  try {
    ({ token } = await redeemMagicLink({ email: String(formData.get("email") ?? ""), token: String(formData.get("token") ?? ""), meta }));
  } catch (error) {
    if (isAppError(error) && error.code === "invalid") redirect("/signin/link?error=invalid");
    throw error;
  }
  await setSessionCookie(token);
  redirect(next);
}

export async function staffSignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData, ["password"]);
  const parsed = parseForm(staffSignInSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  const next = safeRedirectPath(parsed.data.next);
  let result: Awaited<ReturnType<typeof signInWithPassword>>;
  try {
    result = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, meta });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid") {
      const t = await getTranslations({ locale, namespace: "auth" });
      return errorState(t("staff.invalid"), values);
    }
    return unexpectedErrorState(error, locale, meta, values);
  }
  await setSessionCookie(result.token);
  redirect(result.needsEnrolment ? `/account/security?next=${encodeURIComponent(next)}` : `/signin/mfa?next=${encodeURIComponent(next)}`);
}

export async function verifyMfaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData, ["code"]);
  const session = await currentSession();
  if (!session) redirect("/signin/staff");
  const parsed = parseForm(secondFactorSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  let token: string;
  try {
    ({ token } = await verifySecondFactor(session, parsed.data.code, meta));
  } catch (error) {
    if (isAppError(error) && error.code === "invalid") {
      const t = await getTranslations({ locale, namespace: "auth" });
      return errorState(t("mfa.invalid"), values, { code: [t("mfa.invalid")] });
    }
    return unexpectedErrorState(error, locale, meta, values);
  }
  await setSessionCookie(token);
  redirect(safeRedirectPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session) {
    const meta = await requestMeta();
    const db = await getDb();
    await db.$transaction(async (tx) => {
      await deleteSession(tx, session.id);
      await recordAudit(tx, { tenantId: null, actor: { id: session.user.id, email: session.user.email }, action: "auth.signout", meta });
    });
  }
  await clearSessionCookie();
  redirect("/signin?signedOut=1");
}
