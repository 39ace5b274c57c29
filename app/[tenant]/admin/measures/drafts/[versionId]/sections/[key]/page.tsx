import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { MarkdownBody } from "@/components/measures/markdown";
import { SectionEditor } from "@/components/measures-editor/section-editor";
import { TranslationEditor } from "@/components/measures-editor/translation-editor";
import { Notice } from "@/components/ui/notice";
import { cn } from "@/components/ui/cn";
import { hasPermission } from "@/lib/auth/permissions";
import { isLocale } from "@/lib/i18n/locales";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { tenantTimeZone } from "@/server/members/queries";
import { loadDraftPage } from "@/server/measures/drafts/page-data";
import { saveSectionAction } from "../../actions";

type Params = Promise<{ tenant: string; versionId: string; key: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "editor" });
  return { title: t("title") };
}

export default async function DraftSectionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug, versionId, key } = await params;
  const query = await searchParams;
  const draftPath = `/${slug}/admin/measures/drafts/${versionId}`;
  const path = `${draftPath}/sections/${key}`;
  const access = await guardConsolePage(slug, "measures.view", path);
  const uiLocale = await appLocale();
  const t = await getTranslations({ locale: uiLocale, namespace: "editor" });
  const tm = await getTranslations({ locale: uiLocale, namespace: "measures" });
  const tc = await getTranslations({ locale: uiLocale, namespace: "common" });
  const [{ draft, completeness }, timeZone] = await Promise.all([loadDraftPage(access, versionId), tenantTimeZone(access.tenant.id)]);
  const { sourceLocale, locales } = draft.locales;
  const locale = isLocale(query.locale) && locales.includes(query.locale) ? query.locale : sourceLocale;
  const source = draft.sections.find((s) => s.locale === sourceLocale && s.key === key);
  if (!source) notFound();
  const translation = draft.sections.find((s) => s.locale === locale && s.key === key) ?? null;
  const base = draft.base?.sections.find((s) => s.locale === sourceLocale && s.key === key) ?? null;
  const editable = draft.status === "DRAFT" && hasPermission(access.roles, "measures.edit");
  const language = (l: string) => tc(`language.${l as "de"}`);
  const sectionName = source.number ? `${source.number}. ${source.title}` : t(key === "closing" ? "sections.closing" : "sections.preamble");
  const entry = completeness.locales.find((c) => c.locale === locale);
  const status = entry?.missing.some((m) => m.key === key) ? "missing" : entry?.outdated.some((o) => o.key === key) ? "outdated" : "current";
  const conflictLabels = {
    heading: t("editor.conflictHeading"),
    conflict: t("editor.conflict", { name: "{name}", time: "{time}" }),
    gone: t("editor.conflictGone"),
    theirs: t("editor.theirs"),
    yours: t("editor.yours"),
    useTheirs: t("editor.useTheirs"),
    someone: t("editor.someone"),
  };
  const action = saveSectionAction.bind(null, slug);

  return (
    <ConsoleShell access={access} locale={uiLocale} active="measures" path={path}>
      <div className="space-y-6">
        <p className="text-sm">
          <Link href={draftPath}>← {t("editor.back", { number: draft.number })}</Link>
        </p>
        <div className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">{locale === sourceLocale ? sectionName : t("translation.title", { language: language(locale) })}</h1>
          {locale !== sourceLocale ? <p className="text-slate-700">{sectionName}</p> : null}
          <nav aria-label={t("editor.language")} className="flex flex-wrap gap-2 text-sm">
            {locales.map((l) => (
              <Link
                key={l}
                href={l === sourceLocale ? path : `${path}?locale=${l}`}
                aria-current={l === locale ? "page" : undefined}
                className={cn("rounded-full px-3 py-1 no-underline ring-1 ring-inset", l === locale ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50")}
              >
                {l === sourceLocale ? t("editor.sourceTab", { language: language(l) }) : language(l)}
              </Link>
            ))}
          </nav>
        </div>
        {!editable ? <Notice tone="info" testId="read-only">{draft.status !== "DRAFT" ? t("draft.readOnlyInReview") : t("draft.readOnlyRole")}</Notice> : null}
        {!editable ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6" lang={locale}>
            {(translation ?? source).title ? <p className="mb-2 font-semibold">{(translation ?? source).title}</p> : null}
            <MarkdownBody markdown={(translation ?? { body: "" }).body} />
          </div>
        ) : locale === sourceLocale ? (
          <SectionEditor
            action={action}
            versionId={draft.id}
            sectionKey={key}
            locale={locale}
            number={source.number}
            revision={source.revision}
            initial={{ title: source.title, body: source.body, changeKind: source.changeKind ?? "" }}
            base={base ? { key, number: base.number, title: base.title, body: base.body } : null}
            uiLocale={uiLocale}
            timeZone={timeZone}
            labels={{
              title: t("editor.title"),
              body: t("editor.body"),
              bodyHint: t("editor.bodyHint"),
              changeKind: t("editor.changeKind"),
              changeKindHint: draft.base ? t("editor.changeKindHint", { number: draft.base.number }) : t("editor.changeKindHintFirst"),
              changeKinds: { none: t("editor.changeKindNone"), EDITORIAL: t("changeKind.EDITORIAL"), MATERIAL: t("changeKind.MATERIAL") },
              save: t("editor.save"),
              pending: t("editor.pending"),
              unsaved: t("editor.unsaved"),
              preview: t("editor.preview"),
              redline: draft.base ? t("editor.redline", { number: draft.base.number }) : t("editor.redlineNew"),
              redlineLabels: {
                inserted: tm("compare.legendInserted"),
                deleted: tm("compare.legendDeleted"),
                unchanged: draft.base ? t("editor.redlineNone", { number: draft.base.number }) : "",
                added: t("editor.redlineNew"),
              },
              conflict: conflictLabels,
            }}
          />
        ) : (
          <TranslationEditor
            key={locale}
            action={action}
            versionId={draft.id}
            sectionKey={key}
            locale={locale}
            sourceLocale={sourceLocale}
            number={source.number}
            revision={translation?.revision ?? -1}
            source={{ title: source.title, body: source.body }}
            initial={{ title: translation?.title ?? "", body: translation?.body ?? "" }}
            status={status}
            uiLocale={uiLocale}
            timeZone={timeZone}
            labels={{
              source: t("translation.source", { language: language(sourceLocale) }),
              status: { missing: t("translation.missing", { language: language(locale) }), outdated: t("translation.outdated"), current: t("translation.current") },
              title: t("editor.title"),
              body: t("editor.body"),
              bodyHint: t("editor.bodyHint"),
              save: t("editor.save"),
              pending: t("editor.pending"),
              unsaved: t("editor.unsaved"),
              conflict: conflictLabels,
            }}
          />
        )}
      </div>
    </ConsoleShell>
  );
}
