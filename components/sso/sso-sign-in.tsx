import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonClass } from "@/components/ui/button";
import { loadTenantSso } from "@/server/auth/oidc-providers";

const REASONS = ["email_missing", "email_unverified", "domain_not_allowed", "domain_unverified", "staff_account", "account_disabled", "provider_error", "unavailable", "rate_limited", "failed"] as const;
type Reason = (typeof REASONS)[number];

type QueryValue = string | string[] | undefined;

/**
 * The sign-in page's single sign-on part: on /signin?tenant=<slug> a button for that tenant's
 * provider (when it has one), and after a refused or failed attempt the reason.
 */
export async function SsoSignIn({ locale, query, next }: { locale: Locale; query: { tenant?: QueryValue; error?: QueryValue; reason?: QueryValue }; next: string }) {
  const t = await getTranslations({ locale, namespace: "sso" });
  const slug = typeof query.tenant === "string" ? query.tenant : null;
  const sso = slug ? await loadTenantSso(slug) : null;
  const reason = query.error === "sso" ? (REASONS.find((candidate) => candidate === query.reason) ?? "failed") : null;
  if (!sso && !reason) return null;
  return (
    <div className="mb-6 space-y-4" data-testid="sso-sign-in">
      {reason ? (
        <FormAlert tone="error" testId="sso-error">
          {t(`signIn.errors.${reason satisfies Reason}`)}
        </FormAlert>
      ) : null}
      {sso ? (
        // A plain form POST (app/(app)/signin/sso/route.ts): works without JavaScript.
        <form method="post" action="/signin/sso" className="space-y-2">
          <input type="hidden" name="tenant" value={sso.tenant.slug} />
          <input type="hidden" name="next" value={next} />
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            {t("signIn.button", { tenant: sso.tenant.name })}
          </button>
          <p className="text-sm text-slate-600">{t("signIn.hint")}</p>
        </form>
      ) : null}
      {sso ? (
        <p className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
          <span className="h-px flex-1 bg-slate-200" />
          {t("signIn.or")}
          <span className="h-px flex-1 bg-slate-200" />
        </p>
      ) : null}
    </div>
  );
}
