import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { CodeLookup } from "@/components/verify/code-lookup";
import { normalizeVerificationCode } from "@/lib/attestations/verification-code";
import { appLocale } from "@/server/i18n/app-locale";

// /verify: type the code printed on a letter (the form GETs here and lands on /verify/{code}).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "letters" });
  return { title: t("verify.metaTitle") };
}

export default async function VerifyLookupPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = (Array.isArray(code) ? code[0] : code)?.trim().slice(0, 64);
  // The canonical form where the input can be a code; anything else still gets /verify/{…}'s one 404.
  if (typed) redirect(`/verify/${normalizeVerificationCode(typed) ?? encodeURIComponent(typed)}`);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "letters" });
  return (
    <AppShell locale={locale} path="/verify">
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("verify.metaTitle")}</h1>
        <CodeLookup locale={locale} />
      </div>
    </AppShell>
  );
}
