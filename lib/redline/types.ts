/**
 * Public shapes of the redline engine. Kept free of logic so UI code can
 * import them without pulling in the diff implementation.
 */

/** One section of a published document version. `key` is stable across versions; `body` is the Markdown subset of lib/markdown. */
export interface RedlineSection {
  key: string;
  number: string | null;
  title: string;
  body: string;
}

export type Op = "equal" | "insert" | "delete";

/** Concatenating all non-"insert" texts gives the old text; all non-"delete" texts give the new text. */
export interface Token {
  op: Op;
  text: string;
}

/** Tokens are over the block's raw Markdown text (list markers excluded). */
export interface BlockDiff {
  type: "paragraph" | "item";
  ordered: boolean;
  status: "equal" | "inserted" | "deleted" | "changed";
  tokens: Token[];
}

/**
 * "changed" means the title or the parsed body differs. A renumber alone is
 * "unchanged" (from/to numbers still tell the UI about it), and so is a
 * whitespace-only re-wrap of the body, which parses to the same blocks.
 */
export type SectionStatus = "unchanged" | "changed" | "added" | "removed";

export interface SectionPlace {
  number: string | null;
  title: string;
  /** Index in the from (or to) list. */
  position: number;
}

export interface SectionDiff {
  key: string;
  status: SectionStatus;
  /** Independent of status: a moved section may also be changed or unchanged. */
  moved: boolean;
  from: SectionPlace | null;
  to: SectionPlace | null;
  title: Token[];
  blocks: BlockDiff[];
}

export interface RedlineCounts {
  /** added + removed + changed + unchanged = number of sections; moved overlaps with changed/unchanged. */
  added: number;
  removed: number;
  changed: number;
  moved: number;
  unchanged: number;
  /** Words (letters/digits, not whitespace or punctuation) in insert/delete tokens of titles and blocks. */
  insertedWords: number;
  deletedWords: number;
}

export interface Redline {
  sections: SectionDiff[];
  counts: RedlineCounts;
}
