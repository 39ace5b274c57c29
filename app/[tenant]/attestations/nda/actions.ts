"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { ndaAcceptanceSchema } from "@/lib/validation/nda";
import { guardCustomerPage } from "@/server/attestations/customer-guard";
import { featureFieldErrorState } from "@/server/certifications/form-answer";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { acceptNda } from "@/server/nda/acceptance";
import { requestMeta } from "@/server/request-context";

// The NDA click-through (components/nda/nda-acceptance-form.tsx): any signed-in customer of the
// tenant in the route. On success the customer continues to the request form.

export async function acceptNdaAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { session, tenant } = await guardCustomerPage(slug, `/${slug}/attestations/nda`);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(ndaAcceptanceSchema, formData);
  if (!parsed.ok) return featureFieldErrorState(locale, "nda", parsed.fieldErrors, values);
  try {
    await acceptNda({ tenant, user: { id: session.user.id, email: session.user.email }, versionNumber: parsed.data.versionNumber, companyName: parsed.data.companyName, locale, meta });
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "notFound")) {
      const t = await getTranslations({ locale, namespace: "nda" });
      // The page renders again with the newest version, the message above the form.
      revalidatePath(`/${slug}/attestations/nda`);
      return errorState(t("accept.outdated", { tenant: tenant.name }), values);
    }
    return unexpectedErrorState(error, locale, meta, values);
  }
  redirect(`/${slug}/attestations/new`);
}
