import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { AddSectionForm } from "@/components/measures-editor/add-section-form";
import { ChangeSummaryForm } from "@/components/measures-editor/change-summary-form";
import { CompletenessPanel } from "@/components/measures-editor/completeness-panel";
import { SectionList, type SectionRow } from "@/components/measures-editor/section-list";
import { DraftWorkflowPanel } from "@/components/measures-editor/workflow-panel";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { hasPermission } from "@/lib/auth/permissions";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { sectionsIn } from "@/server/measures/drafts/queries";
import { loadDraftPage } from "@/server/measures/drafts/page-data";
import { addSectionAction, discardDraftAction, moveSectionAction, removeSectionAction, saveChangeSummaryAction } from "./actions";

type Params = Promise<{ tenant: string; versionId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES = ["created", "moved", "removed"] as const;
const ERRORS = ["notDraft", "sectionChanged", "notFound"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "editor" });
  return { title: t("title") };
}

export default async function DraftPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug, versionId } = await params;
  const basePath = `/${slug}/admin/measures/drafts/${versionId}`;
  const access = await guardConsolePage(slug, "measures.view", basePath);
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "editor" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const { draft, completeness, statuses } = await loadDraftPage(access, versionId);
  const { sourceLocale, locales } = draft.locales;
  const language = (l: string) => tc(`language.${l as "de"}`);
  const editable = draft.status === "DRAFT" && hasPermission(access.roles, "measures.edit");
  const notice = NOTICES.find((code) => query.notice === code);
  const error = ERRORS.find((code) => query.error === code);

  const byLocale = new Map(completeness.locales.map((entry) => [entry.locale, entry]));
  const rows: SectionRow[] = sectionsIn(draft.sections, sourceLocale).map((section) => ({
    key: section.key,
    number: section.number,
    title: section.title,
    revision: section.revision,
    status: statuses.get(section.key) ?? "unchanged",
    changeKind: section.changeKind,
    translations: locales
      .filter((l) => l !== sourceLocale)
      .map((l) => {
        const entry = byLocale.get(l);
        const state = entry?.missing.some((m) => m.key === section.key) ? "missing" : entry?.outdated.some((o) => o.key === section.key) ? "outdated" : "ok";
        return { locale: l, language: language(l), state };
      }),
  }));
  const changeKinds = { none: t("editor.changeKindNone"), EDITORIAL: t("changeKind.EDITORIAL"), MATERIAL: t("changeKind.MATERIAL") };

  return (
    <ConsoleShell access={access} locale={locale} active="measures" path={basePath}>
      <div className="space-y-8">
        <div className="space-y-3">
          <p className="text-sm">
            <Link href={`/${slug}/admin/measures`}>← {t("draft.back")}</Link>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{t("draft.title", { number: draft.number })}</h1>
            <Badge tone={draft.status === "DRAFT" ? "amber" : "blue"}>{t(`status.${draft.status}`)}</Badge>
          </div>
          <p className="max-w-prose text-sm text-slate-700">
            {draft.base ? t("draft.base", { number: draft.base.number }) : t("draft.baseNone")}{" "}
            {draft.authors.length > 0 ? t("draft.createdBy", { names: draft.authors.map((a) => a.name ?? a.email).join(", ") }) : null}
          </p>
          <p>
            <Link href={`${basePath}/redline`} className="font-medium" data-testid="full-redline-link">{t("draft.fullRedline")}</Link>
          </p>
        </div>
        {notice ? <FormAlert tone="success" testId="draft-notice">{notice === "created" ? t("draft.created", { number: draft.number }) : t(`sections.${notice}`)}</FormAlert> : null}
        {error ? <FormAlert tone="error" testId="draft-error">{t(`errors.${error}`)}</FormAlert> : null}
        {draft.status !== "DRAFT" ? <Notice tone="info" testId="read-only">{t("draft.readOnlyInReview")}</Notice> : !editable ? <Notice tone="info" testId="read-only">{t("draft.readOnlyRole")}</Notice> : null}

        <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-8">
            <section aria-labelledby="sections-heading" className="space-y-3">
              <div>
                <h2 id="sections-heading" className="text-lg font-semibold">{t("sections.heading")}</h2>
                <p className="text-sm text-slate-700">{t("sections.intro")}</p>
              </div>
              <SectionList rows={rows} versionId={draft.id} basePath={basePath} editable={editable} locale={locale} moveAction={moveSectionAction.bind(null, slug)} removeAction={removeSectionAction.bind(null, slug)} />
            </section>
            {editable ? (
              <section aria-labelledby="add-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
                <h2 id="add-heading" className="text-lg font-semibold">{t("add.heading")}</h2>
                <p className="text-sm text-slate-700">{t("add.intro")}</p>
                <AddSectionForm
                  action={addSectionAction.bind(null, slug)}
                  versionId={draft.id}
                  labels={{ title: t("add.title"), body: t("add.body"), bodyHint: t("editor.bodyHint"), changeKind: t("editor.changeKind"), changeKinds, submit: t("add.submit"), pending: t("add.pending") }}
                />
              </section>
            ) : null}
          </div>
          <div className="min-w-0 space-y-6 self-start">
            <section aria-labelledby="completeness-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="completeness-heading" className="text-lg font-semibold">{t("completeness.heading")}</h2>
              <CompletenessPanel completeness={completeness} basePath={basePath} locale={locale} languageName={language} />
            </section>
            <section aria-labelledby="summary-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="summary-heading" className="text-lg font-semibold">{t("summary.heading")}</h2>
              <p className="text-sm text-slate-700">{t("summary.intro")}</p>
              {editable ? (
                <ChangeSummaryForm
                  action={saveChangeSummaryAction.bind(null, slug)}
                  versionId={draft.id}
                  revision={draft.revision}
                  locales={locales.map((l) => ({ locale: l, label: t("summary.label", { language: language(l) }), value: draft.changeSummary[l] ?? "" }))}
                  labels={{ save: t("summary.save"), pending: t("summary.pending"), theirs: t("editor.theirs") }}
                />
              ) : (
                <dl className="space-y-2 text-sm">
                  {locales.map((l) => (
                    <div key={l}>
                      <dt className="font-medium text-slate-600">{language(l)}</dt>
                      <dd lang={l} className="whitespace-pre-wrap">{draft.changeSummary[l] ?? "—"}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
            <DraftWorkflowPanel access={access} versionId={draft.id} locale={locale} />
            {editable ? (
              <details className="rounded-lg border border-rose-200 bg-white p-4 sm:p-6">
                <summary className="cursor-pointer font-medium text-rose-800">{t("draft.discard")}</summary>
                <p className="mt-3 text-sm text-slate-700">{t("draft.discardConfirm", { number: draft.number })}</p>
                <form action={discardDraftAction.bind(null, slug)} className="mt-3">
                  <input type="hidden" name="versionId" value={draft.id} />
                  <button type="submit" className={buttonClass("danger")}>{t("draft.discardYes")}</button>
                </form>
              </details>
            ) : null}
          </div>
        </div>
      </div>
    </ConsoleShell>
  );
}
