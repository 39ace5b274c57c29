/**
 * Word-level diff of two strings. Text is split into words (runs of Unicode
 * letters, digits and combining marks, so "Maßnahmen" or a decomposed "ü"
 * stay one token; decimal numbers count as one word), whitespace runs and
 * single punctuation characters. The
 * token sequences are diffed with jsdiff's Myers implementation and the
 * result is regrouped so it reads like an editor's redline.
 */
import { diffArrays } from "diff";
import type { Op, Token } from "./types";

// Numbers with inner separators ("1.2", "1.000,50") are one word, so "TLS 1.2" → "TLS 1.3"
// replaces the version instead of showing a half-changed number.
const NUMBER = String.raw`\p{N}+(?:[.,]\p{N}+)+`;
const WORD_SOURCE = String.raw`${NUMBER}|[\p{L}\p{N}\p{M}]+`;
const TOKEN = new RegExp(String.raw`${WORD_SOURCE}|\s+|[^\p{L}\p{N}\p{M}\s]`, "gu");
const WORD = new RegExp(WORD_SOURCE, "gu");
const WHITESPACE_ONLY = /^\s+$/u;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The words of a text, without whitespace and punctuation. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countWords(text: string): number {
  return splitWords(text).length;
}

/**
 * Tokens satisfy the redline invariant (non-insert texts rebuild `oldText`,
 * non-delete texts rebuild `newText`), contain no empty texts and never two
 * neighbours with the same op. Within one changed stretch the deletion comes
 * before the insertion.
 */
export function diffWords(oldText: string, newText: string): Token[] {
  if (oldText === newText) return oldText === "" ? [] : [{ op: "equal", text: oldText }];
  const a = tokenize(oldText);
  const b = tokenize(newText);

  // Trimming the common ends first keeps Myers' work proportional to the edit.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }

  const segments: Token[] = [];
  if (start > 0) segments.push({ op: "equal", text: a.slice(0, start).join("") });
  for (const change of diffArrays(a.slice(start, endA), b.slice(start, endB))) {
    const op: Op = change.added ? "insert" : change.removed ? "delete" : "equal";
    segments.push({ op, text: change.value.join("") });
  }
  if (endA < a.length) segments.push({ op: "equal", text: a.slice(endA).join("") });
  return regroup(segments);
}

/**
 * Whitespace that Myers kept as "equal" between two changed stretches is
 * folded into the change, and each stretch becomes one deletion followed by
 * one insertion. "die alte Regel" → "die neue Vorgabe" thus reads
 * [del "alte Regel"][ins "neue Vorgabe"] instead of alternating word by word.
 */
function regroup(segments: Token[]): Token[] {
  const out: Token[] = [];
  let deleted = "";
  let inserted = "";
  const flush = (): void => {
    if (deleted !== "") out.push({ op: "delete", text: deleted });
    if (inserted !== "") out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };

  segments.forEach((segment, i) => {
    if (segment.text === "") return;
    if (segment.op === "delete") {
      deleted += segment.text;
    } else if (segment.op === "insert") {
      inserted += segment.text;
    } else if (WHITESPACE_ONLY.test(segment.text) && isChange(segments[i - 1]) && isChange(segments[i + 1])) {
      // Belongs to both sides of the change, so the invariant still holds.
      deleted += segment.text;
      inserted += segment.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += segment.text;
      else out.push({ op: "equal", text: segment.text });
    }
  });
  flush();
  return out;
}

function isChange(segment: Token | undefined): boolean {
  return segment !== undefined && segment.op !== "equal";
}

/** Words that the tokens mark as inserted and deleted. */
export function countChangedWords(tokens: Token[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const token of tokens) {
    if (token.op === "insert") inserted += countWords(token.text);
    else if (token.op === "delete") deleted += countWords(token.text);
  }
  return { inserted, deleted };
}
