import { getTranslations } from "next-intl/server";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import type { RoleOption } from "./role-checkboxes";

/** Role names and one-line descriptions in the viewer's language, in the table's order. */
export async function roleOptions(locale: Locale): Promise<RoleOption[]> {
  const names = await getTranslations({ locale, namespace: "console" });
  const help = await getTranslations({ locale, namespace: "members" });
  return STAFF_ROLES.map((role) => ({ role, label: names(`roles.${role}`), help: help(`roleHelp.${role}`) }));
}
