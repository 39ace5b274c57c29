import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Notice } from "@/components/ui/notice";

/** Shown wherever content appears in another language than the page's because a translation is missing. */
export async function FallbackNotice({ requested, shown }: { requested: Locale; shown: Locale }) {
  const t = await getTranslations({ locale: requested, namespace: "common" });
  return (
    <Notice tone="warning" testId="fallback-notice">
      {t("fallback.notice", { requested: t(`language.${requested}`), shown: t(`language.${shown}`) })}
    </Notice>
  );
}
