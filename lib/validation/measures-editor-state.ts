import type { FormState } from "@/lib/forms";

// What the editor's actions answer besides the usual form state (lib/forms.ts): the revision the
// next save starts from, and on a conflict the text that was saved in between, so the form can
// show both (theirs and the editor's own, still in the fields).

export interface SavedSectionText {
  title: string;
  body: string;
  changeKind: "EDITORIAL" | "MATERIAL" | null;
  revision: number;
  updatedBy: string | null;
  /** ISO time of their save. */
  updatedAt: string;
}

export interface SectionFormState extends FormState {
  /** The revision the form's next save names (new after a save, theirs after a conflict). */
  revision?: number;
  /** Set when someone else saved in between; null text when the section was removed meanwhile. */
  conflict?: { theirs: SavedSectionText | null };
}

export interface SummaryFormState extends FormState {
  revision?: number;
  conflict?: { theirs: Record<string, string> };
}

export interface ImportPreviewSection {
  key: string;
  number: string | null;
  title: string;
  body: string;
}

export interface ImportFormState extends FormState {
  /** Translated issues with their line numbers. */
  issues?: { errors: Array<{ line: number; message: string }>; warnings: Array<{ line: number; message: string }> };
  preview?: { title: string; effectiveDate: string | null; sections: ImportPreviewSection[]; text: string; nextNumber: number };
}
