import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { Notice } from "@/components/ui/notice";
import type { FileCheckOutcome } from "@/components/verify/file-check";
import { VerificationView } from "@/components/verify/verification-view";
import { isAppError } from "@/lib/errors";
import { verifyLetter } from "@/server/attestations/verify";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

// /verify/{code}: public, no sign-in. The same URL answers JSON to Accept: application/json
// (proxy.ts rewrites to ./json). An unknown or malformed code is the same 404 page.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "letters" });
  return { title: t("verify.metaTitle"), referrer: "same-origin" };
}

const OUTCOMES: readonly FileCheckOutcome[] = ["match", "mismatch", "missing", "tooLarge"];

export default async function VerifyPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ file?: string | string[] }> }) {
  const [{ code }, { file }] = await Promise.all([params, searchParams]);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "letters" });
  const path = `/verify/${encodeURIComponent(code)}`;
  let verification;
  try {
    verification = await verifyLetter(code, await requestMeta());
  } catch (error) {
    if (!isAppError(error) || error.code !== "rateLimited") throw error;
    return (
      <AppShell locale={locale} path={path}>
        <div className="mx-auto max-w-3xl space-y-4">
          <h1 className="text-2xl font-semibold tracking-tight">{t("verify.title")}</h1>
          <Notice tone="warning" testId="verify-rate-limited">
            {t("verify.rateLimited")}
          </Notice>
        </div>
      </AppShell>
    );
  }
  if (!verification) notFound();
  const outcome = OUTCOMES.find((candidate) => candidate === (Array.isArray(file) ? file[0] : file)) ?? null;
  return (
    <AppShell locale={locale} path={path}>
      <VerificationView verification={verification} locale={locale} fileOutcome={outcome} />
    </AppShell>
  );
}
