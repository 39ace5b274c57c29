"use server";
import { revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { createTenantSchema } from "@/lib/validation/tenants";
import { guardAccountPage } from "@/server/auth/page-guard";
import { fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";
import { createTenant } from "@/server/tenants/create-tenant";
import { tenantTag } from "@/server/trust-center/cache-tags";

export async function createTenantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { session } = await guardAccountPage("/new");
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(createTenantSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  const { slug, name } = parsed.data;
  const owner = { id: session.user.id, email: session.user.email };
  try {
    await createTenant({ slug, name, owner, actor: owner, via: "self-service", meta });
  } catch (error) {
    if (isAppError(error) && error.details?.field === "slug" && typeof error.details.reason === "string") {
      return fieldErrorState(locale, { slug: [error.details.reason] }, values);
    }
    return unexpectedErrorState(error, locale, meta, values);
  }
  // Someone may have opened /{slug} before it existed: that 404 is cached under the tenant's tag.
  revalidateTag(tenantTag(slug), { expire: 0 });
  redirect(`/${slug}/admin`);
}
