"use client";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale } from "@/lib/i18n/locales";
import type { SavedSectionText, SectionFormState } from "@/lib/validation/measures-editor-state";
import { ConflictPanel, type ConflictLabels } from "./conflict-panel";
import { sameText, useUnsavedChangesWarning } from "./use-unsaved-changes";

// What the section editor and the translation editor share: both save a title and a body at a
// revision, and answer a save the same way (saved, refused, or someone else saved in between).

type SectionAction = (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;

/** The labels of the fields and answers both forms have. */
export interface SectionFormLabels {
  title: string;
  body: string;
  bodyHint: string;
  save: string;
  pending: string;
  unsaved: string;
  conflict: ConflictLabels;
}

/** What both editors are given to save one text of one section. */
export interface SectionFormProps {
  action: SectionAction;
  versionId: string;
  sectionKey: string;
  locale: Locale;
  number: string | null;
  /** The revision the form was opened at (-1 for a translation that does not exist yet). */
  revision: number;
  uiLocale: Locale;
  timeZone: string;
}

/** The title and body being edited and the answer of the last save; while they differ from what was saved, leaving asks first. */
export function useSectionForm(action: SectionAction, initial: { title: string; body: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" } as SectionFormState);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const saved = state.status === "success" && state.values ? { title: state.values.title ?? "", body: state.values.body ?? "" } : initial;
  const dirty = !sameText(title, saved.title) || !sameText(body, saved.body);
  useUnsavedChangesWarning(dirty);
  return { state, formAction, title, setTitle, body, setBody, dirty };
}

type SectionForm = ReturnType<typeof useSectionForm>;

interface HeadProps extends Omit<SectionFormProps, "action" | "number"> {
  form: SectionForm;
  conflictLabels: ConflictLabels;
  /** Called after "use theirs" has put their title and body into the fields. */
  onUseTheirs?: (theirs: SavedSectionText) => void;
}

/** The hidden fields naming the text and revision a save is for, then the conflict panel or the answer of the last save. */
export function SectionFormHead({ form, versionId, sectionKey, locale, revision, conflictLabels, uiLocale, timeZone, onUseTheirs }: HeadProps) {
  const { state } = form;
  const conflict = state.conflict;
  return (
    <>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="key" value={sectionKey} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="revision" value={state.revision ?? revision} />
      {conflict ? (
        <ConflictPanel
          theirs={conflict.theirs}
          yours={{ title: form.title, body: form.body }}
          labels={conflictLabels}
          locale={uiLocale}
          timeZone={timeZone}
          onUseTheirs={() => {
            if (!conflict.theirs) return;
            form.setTitle(conflict.theirs.title);
            form.setBody(conflict.theirs.body);
            onUseTheirs?.(conflict.theirs);
          }}
        />
      ) : state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "section-saved" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
    </>
  );
}

/** The save button, with a marker while there are unsaved changes. */
export function SectionSaveRow({ dirty, labels }: { dirty: boolean; labels: { save: string; pending: string; unsaved: string } }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SubmitButton pendingLabel={labels.pending}>{labels.save}</SubmitButton>
      {dirty ? <Badge tone="amber"><span data-testid="unsaved">{labels.unsaved}</span></Badge> : null}
    </div>
  );
}
