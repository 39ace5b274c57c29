import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { Locale } from "@/lib/i18n/locales";

interface Props {
  locale: Locale;
  /** The page's own path: a GET form, so the filter ends up in the URL (bookmarkable, shareable). */
  action: string;
  values: Record<string, string>;
  /** Error codes per field from the filter schema ("tooLong:254"), translated here. */
  errorCodes: Record<string, string[]>;
}

type FilterError = "tooLong" | "invalidCharacters" | "action" | "date" | "dateOrder";

/** Filters by actor, action and calendar days; the values the user typed stay in the fields. */
export async function AuditFilterForm({ locale, action, values, errorCodes }: Props) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const errors: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(errorCodes)) {
    errors[field] = codes.map((code) => {
      const [key, max] = code.split(":");
      return t(`filter.errors.${key as FilterError}`, { max: Number(max ?? 0) });
    });
  }
  const invalid = Object.keys(errors).length > 0;
  return (
    <form method="get" action={action} aria-labelledby="audit-filter-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <h2 id="audit-filter-heading" className="text-base font-semibold">
        {t("filter.heading")}
      </h2>
      {invalid ? (
        <div className="mt-3">
          <FormAlert tone="error" testId="audit-filter-invalid">
            {t("filter.invalid")}
          </FormAlert>
        </div>
      ) : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field formId="audit-filter" name="actor" type="search" autoComplete="off" label={t("filter.actor")} hint={t("filter.actorHint")} defaultValue={values.actor ?? ""} errors={errors.actor} />
        <Field formId="audit-filter" name="action" type="search" autoComplete="off" spellCheck={false} label={t("filter.action")} hint={t("filter.actionHint")} defaultValue={values.action ?? ""} errors={errors.action} />
        {/* A date input drops a value it cannot parse; a rejected day is shown as typed, in a text input. */}
        <Field formId="audit-filter" name="from" type={errors.from ? "text" : "date"} label={t("filter.from")} defaultValue={values.from ?? ""} errors={errors.from} />
        <Field formId="audit-filter" name="to" type={errors.to ? "text" : "date"} label={t("filter.to")} defaultValue={values.to ?? ""} errors={errors.to} />
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("filter.apply")}
        </button>
        <Link href={action} className={buttonClass("secondary")}>
          {t("filter.reset")}
        </Link>
      </div>
    </form>
  );
}
