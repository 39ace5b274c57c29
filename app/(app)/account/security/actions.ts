"use server";
import { getTranslations } from "next-intl/server";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { secondFactorSchema, setPasswordSchema } from "@/lib/validation/auth";
import { confirmEnrolment, regenerateRecoveryCodes } from "@/server/auth/mfa-enrolment";
import { guardAccountPage } from "@/server/auth/page-guard";
import { PasswordRejected, setPassword } from "@/server/auth/password-change";
import { setSessionCookie } from "@/server/auth/session";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

/** Success states may carry recovery codes, shown once by the form that asked for them. */
export type SecurityFormState = FormState & { recoveryCodes?: string[] };

const PROBLEM_KEYS = {
  tooShort: "passwordTooShort",
  tooLong: "passwordTooLong",
  common: "passwordCommon",
  containsEmail: "passwordContainsEmail",
  currentPasswordWrong: "currentPasswordWrong",
} as const;

/**
 * The guard answers first, before any input is read, as the page would: a signed-out browser is
 * sent to sign in, one halfway through a staff sign-in to its second factor.
 */
async function signedInSession() {
  return (await guardAccountPage("/account/security")).session;
}

export async function setPasswordAction(_previous: SecurityFormState, formData: FormData): Promise<SecurityFormState> {
  const session = await signedInSession();
  const locale = await appLocale();
  const meta = await requestMeta();
  const parsed = parseForm(setPasswordSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, {});
  try {
    await setPassword(session, parsed.data, meta);
  } catch (error) {
    if (error instanceof PasswordRejected) return fieldErrorState(locale, { [error.field]: [PROBLEM_KEYS[error.problem]] }, {});
    if (error instanceof AuthorizationError) return errorState((await getTranslations({ locale, namespace: "account" }))("security.needMfa"));
    return unexpectedErrorState(error, locale, meta);
  }
  const t = await getTranslations({ locale, namespace: "account" });
  return { status: "success", message: t("security.passwordSaved") };
}

export async function confirmMfaAction(_previous: SecurityFormState, formData: FormData): Promise<SecurityFormState> {
  const session = await signedInSession();
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData, ["code"]);
  const parsed = parseForm(secondFactorSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  try {
    const { token, recoveryCodes } = await confirmEnrolment(session, parsed.data.code, meta);
    await setSessionCookie(token);
    const t = await getTranslations({ locale, namespace: "account" });
    return { status: "success", message: t("security.mfaEnabled"), recoveryCodes };
  } catch (error) {
    if (isAppError(error) && error.code === "invalid") {
      const t = await getTranslations({ locale, namespace: "auth" });
      return errorState(t("mfa.invalid"), values, { code: [t("mfa.invalid")] });
    }
    return unexpectedErrorState(error, locale, meta, values);
  }
}

export async function regenerateRecoveryCodesAction(): Promise<SecurityFormState> {
  const session = await signedInSession();
  const locale = await appLocale();
  const meta = await requestMeta();
  const t = await getTranslations({ locale, namespace: "account" });
  try {
    const recoveryCodes = await regenerateRecoveryCodes(session, meta);
    return { status: "success", message: t("security.codesRegenerated"), recoveryCodes };
  } catch (error) {
    if (error instanceof AuthorizationError) return errorState(t("security.needMfa"));
    return unexpectedErrorState(error, locale, meta);
  }
}
