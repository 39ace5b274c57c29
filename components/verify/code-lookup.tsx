import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locales";

/** A plain GET form to /verify?code=…, which forwards to /verify/{code}: works without JavaScript. */
export async function CodeLookup({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "letters" });
  return (
    <form action="/verify" method="get" className="space-y-3" data-testid="verify-lookup">
      <Field name="code" formId="verify-lookup" label={t("verify.lookup.label")} hint={t("verify.lookup.hint")} required maxLength={64} autoComplete="off" spellCheck={false} />
      <button type="submit" className={buttonClass("primary")}>
        {t("verify.lookup.submit")}
      </button>
    </form>
  );
}
