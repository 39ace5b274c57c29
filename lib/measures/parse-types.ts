// Codes double as message keys in messages/{de,en}/import.json, so renaming one breaks the import UI.
export const PARSE_ERROR_CODES = [
  "empty",
  "missing-title",
  "number-out-of-sequence",
  "empty-heading",
  "empty-section",
  "invalid-date",
  "text-after-closing",
  "control-character",
  "line-too-long",
  "no-sections",
  // Warnings: the document is usable, but an editor should look at these before publishing.
  "no-effective-date",
  "empty-list-item",
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParsedSection {
  key: string;
  number: string | null;
  title: string;
  /** Normalised Markdown: paragraphs separated by one blank line, list items as consecutive "- item" lines. */
  body: string;
}

export interface ParsedDocument {
  title: string;
  /** "YYYY-MM-DD" */
  effectiveDate: string | null;
  sections: ParsedSection[];
}

export interface ParseIssue {
  /** 1-based line in the original input. */
  line: number;
  code: ParseErrorCode;
  params?: Record<string, string | number>;
}

export type ParseResult =
  | { ok: true; document: ParsedDocument; warnings: ParseIssue[] }
  | { ok: false; errors: ParseIssue[] };
