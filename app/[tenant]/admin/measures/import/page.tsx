import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { ImportForm } from "@/components/measures-editor/import-form";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { importMeasuresAction } from "../actions";

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "editor" });
  return { title: t("import.title") };
}

export default async function ImportMeasuresPage({ params }: { params: Params }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/measures/import`;
  const access = await guardConsolePage(slug, "measures.edit", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "editor" });
  return (
    <ConsoleShell access={access} locale={locale} active="measures" path={path}>
      <div className="max-w-4xl space-y-6">
        <p className="text-sm">
          <Link href={`/${slug}/admin/measures`}>← {t("import.back")}</Link>
        </p>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("import.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("import.intro")}</p>
        </div>
        <ImportForm
          action={importMeasuresAction.bind(null, slug)}
          labels={{
            file: t("import.file"),
            fileHint: t("import.fileHint"),
            or: t("import.or"),
            text: t("import.text"),
            preview: t("import.preview"),
            previewPending: t("import.previewPending"),
            errorsHeading: t("import.errorsHeading"),
            errorsIntro: t("import.errorsIntro"),
            warningsHeading: t("import.warningsHeading"),
            previewHeading: { one: t("import.previewHeadingOne"), other: t("import.previewHeadingOther", { count: "{count}" }) },
            previewIntro: t("import.previewIntro", { number: "{number}" }),
            documentTitle: t("import.documentTitle"),
            effectiveDate: t("import.effectiveDate"),
            noDate: t("import.noDate"),
            accept: t("import.accept"),
            acceptPending: t("import.acceptPending"),
            preamble: t("sections.preamble"),
            closing: t("sections.closing"),
          }}
        />
      </div>
    </ConsoleShell>
  );
}
