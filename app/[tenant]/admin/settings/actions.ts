"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { customDomainSchema } from "@/lib/validation/custom-domain";
import { ssoDomainActionSchema, ssoDomainSchema, ssoSettingsSchema } from "@/lib/validation/sso";
import { requireTenantRole } from "@/server/auth/guard";
import { env } from "@/server/env";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta, type RequestMeta } from "@/server/request-context";
import { appHost, clearCustomDomain, saveCustomDomain } from "@/server/tenants/custom-domain-settings";
import { addSsoDomain, removeSsoDomain, verifySsoDomain } from "@/server/tenants/sso-domains";
import { disableSso, loadSsoSettings, saveSsoSettings } from "@/server/tenants/sso-settings";

/**
 * The catch block of every settings action: a signed-out user goes to the staff sign-in and comes
 * back here, a signed-in one without the permission gets the console's 403 sentence, anything else
 * is a rate limit or an unexpected error (rethrows redirects).
 */
async function failureState(error: unknown, context: { locale: Locale; meta: RequestMeta; path: string; values?: Record<string, string> }): Promise<FormState> {
  const { locale, meta, path, values } = context;
  if (error instanceof AuthorizationError) {
    if (error.code === "unauthenticated") redirect(`/signin/staff?next=${encodeURIComponent(path)}`);
    return errorState((await getTranslations({ locale, namespace: "errors" }))("forbidden.body"), values);
  }
  return unexpectedErrorState(error, locale, meta, values);
}

/** The SSO section's provider form: "save" or "disable" (clear the provider). */
export async function ssoSettingsAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const path = `/${slug}/admin/settings`;
  // The secret is never sent back to the browser, not even the one just typed.
  const values = submittedValues(formData, ["clientSecret", "intent"]);
  const t = await getTranslations({ locale, namespace: "sso" });
  try {
    const access = await requireTenantRole(slug, "settings.update");
    if (formData.get("intent") === "disable") {
      await disableSso(access, meta);
      revalidatePath(path);
      return { status: "success", message: t("settings.cleared"), values: { issuer: "", clientId: "" } };
    }
    const parsed = parseForm(ssoSettingsSchema({ allowInsecureLoopback: env().APP_ENV !== "production" }), formData);
    if (!parsed.ok) return ssoFieldErrorState(locale, parsed.fieldErrors, values);
    const result = await saveSsoSettings(access, parsed.data, meta);
    if (!result.ok) return ssoFieldErrorState(locale, result.fieldErrors, values);
    revalidatePath(path);
    const saved = { issuer: parsed.data.issuer, clientId: parsed.data.clientId };
    if (result.changed.length === 0) return { status: "success", message: t("settings.unchanged"), values: saved };
    const { status } = await loadSsoSettings(access.tenant.id);
    return { status: "success", message: t(status === "on" ? "settings.saved" : "settings.savedAwaitingDomain"), values: saved };
  } catch (error) {
    return failureState(error, { locale, meta, path, values });
  }
}

/** The SSO section's "add an email domain" form. */
export async function addSsoDomainAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const path = `/${slug}/admin/settings`;
  const values = submittedValues(formData);
  const t = await getTranslations({ locale, namespace: "sso" });
  try {
    const access = await requireTenantRole(slug, "settings.update");
    const parsed = parseForm(ssoDomainSchema, formData);
    const result = parsed.ok ? await addSsoDomain(access, parsed.data, meta) : parsed;
    if (!result.ok) return ssoFieldErrorState(locale, result.fieldErrors, values);
    revalidatePath(path);
    return { status: "success", message: t("settings.domains.notices.added", { domain: result.domain.domain }), values: { domain: "" } };
  } catch (error) {
    return failureState(error, { locale, meta, path, values });
  }
}

/** One listed domain's buttons: "verify" (a DNS TXT lookup now) or "remove". */
export async function ssoDomainAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const path = `/${slug}/admin/settings`;
  const t = await getTranslations({ locale, namespace: "sso" });
  try {
    const access = await requireTenantRole(slug, "settings.update");
    const parsed = parseForm(ssoDomainActionSchema, formData);
    if (!parsed.ok) return errorState(t("settings.domains.notices.notFound"));
    const { domainId, intent } = parsed.data;
    if (intent === "remove") {
      const { domain } = await removeSsoDomain(access, domainId, meta);
      revalidatePath(path);
      return { status: "success", message: t("settings.domains.notices.removed", { domain }) };
    }
    const result = await verifySsoDomain(access, domainId, meta);
    // The outcome is stored on the domain, which the page shows next to it (with the reason of a failure).
    revalidatePath(path);
    const message = t(`settings.domains.notices.${result.outcome}`, { domain: result.domain });
    return result.outcome === "failed" ? errorState(message) : { status: "success", message };
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("settings.domains.notices.notFound"));
    return failureState(error, { locale, meta, path });
  }
}

/** Schema messages are errors.validation.* keys, or sso.errors.* ones when prefixed "sso.". */
async function ssoFieldErrorState(locale: Locale, fieldErrors: Record<string, string[]>, values: Record<string, string>): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "sso" });
  return ownFieldErrorState(locale, fieldErrors, values, "sso.", (key) => t(`errors.${key}` as "errors.domain"));
}

/** Field errors with keys of their own (after `prefix`) translated by `own`, the rest by errors.validation.*. */
async function ownFieldErrorState(
  locale: Locale,
  fieldErrors: Record<string, string[]>,
  values: Record<string, string>,
  prefix: string,
  own: (key: string) => string,
): Promise<FormState> {
  const shared: Record<string, string[]> = {};
  const translated: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(fieldErrors)) {
    for (const code of codes) {
      if (code.startsWith(prefix)) (translated[field] ??= []).push(own(code.slice(prefix.length)));
      else (shared[field] ??= []).push(code);
    }
  }
  const state = await fieldErrorState(locale, shared, values);
  const merged = { ...state.fieldErrors };
  for (const [field, messages] of Object.entries(translated)) merged[field] = [...(merged[field] ?? []), ...messages];
  return { ...state, fieldErrors: merged };
}

/** The custom-domain section's form: "save" a domain or "remove" it. */
export async function customDomainAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const locale = await appLocale();
  const meta = await requestMeta();
  const path = `/${slug}/admin/settings`;
  const values = submittedValues(formData, ["intent"]);
  const t = await getTranslations({ locale, namespace: "settings" });
  try {
    const access = await requireTenantRole(slug, "settings.update");
    if (formData.get("intent") === "remove") {
      await clearCustomDomain(access, meta);
      revalidatePath(path);
      return { status: "success", message: t("customDomain.removed"), values: { domain: "" } };
    }
    const parsed = parseForm(customDomainSchema({ appHost: appHost() }), formData);
    const result = parsed.ok ? await saveCustomDomain(access, parsed.data, meta) : parsed;
    if (!result.ok) return ownFieldErrorState(locale, result.fieldErrors, values, "customDomain.", (key) => t(`customDomain.errors.${key}` as "customDomain.errors.invalid"));
    revalidatePath(path);
    const message = result.changed ? t("customDomain.saved", { domain: result.domain }) : t("customDomain.unchanged");
    return { status: "success", message, values: { domain: result.domain } };
  } catch (error) {
    return failureState(error, { locale, meta, path, values });
  }
}
