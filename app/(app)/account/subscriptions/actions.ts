"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { accountTopicsSchema, accountUnsubscribeSchema } from "@/lib/validation/subscriptions";
import { guardAccountPage } from "@/server/auth/page-guard";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";
import { unsubscribeOwn, updateOwnTopics } from "@/server/subscriptions/account";
import { subscriptionFieldErrors, valuesWithTopics } from "@/server/subscriptions/form-answer";

// /account/subscriptions: the signed-in user's own subscriptions (another's id is "not found").
const PATH = "/account/subscriptions";

export async function saveSubscriptionTopicsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { session } = await guardAccountPage(PATH);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = valuesWithTopics(formData, submittedValues(formData, ["topics"]));
  const parsed = parseForm(accountTopicsSchema, formData);
  if (!parsed.ok) return subscriptionFieldErrors(locale, parsed.fieldErrors, values);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  try {
    const { tenantName } = await updateOwnTopics(session.user.id, parsed.data.subscriptionId, parsed.data.topics);
    revalidatePath(PATH);
    return { status: "success", message: t("account.saved", { tenant: tenantName }) };
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("account.notFound"), values);
    return unexpectedErrorState(error, locale, meta, values);
  }
}

export async function unsubscribeOwnAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { session } = await guardAccountPage(PATH);
  const locale = await appLocale();
  const meta = await requestMeta();
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  const parsed = parseForm(accountUnsubscribeSchema, formData);
  if (!parsed.ok) return errorState(t("account.notFound"));
  try {
    await unsubscribeOwn(session.user.id, parsed.data.subscriptionId);
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("account.notFound"));
    return unexpectedErrorState(error, locale, meta);
  }
  // The subscription's card is gone from the list; the page says why.
  redirect(`${PATH}?notice=unsubscribed`);
}
