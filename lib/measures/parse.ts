import { renderBody } from "./parse-body";
import { findClosingMarker } from "./parse-date";
import { checkLines, splitLines, toBlocks, type Block } from "./parse-lines";
import type { ParseIssue, ParseResult, ParsedSection } from "./parse-types";
import { sectionKey, withKeySuffix } from "./slug";

export { PARSE_ERROR_CODES } from "./parse-types";
export type {
  ParseErrorCode,
  ParseIssue,
  ParseResult,
  ParsedDocument,
  ParsedSection,
} from "./parse-types";

// "3. Verschlüsselung"; a dot without a space ("3.1 …") is ordinary text.
const NUMBERED = /^(\d{1,3})\.(?:[ \t]+(.*))?$/;
const MARKDOWN_ANY_HEADING = /^#{1,6}(?:[ \t]|$)/;
const MARKDOWN_TITLE = /^#(?:[ \t]+(.*))?$/;
const MARKDOWN_SECTION = /^##(?:[ \t]+(.*))?$/;
const PLAIN_BULLET = /^-(?:[ \t]+|$)/;
const MARKDOWN_BULLET = /^[-*](?:[ \t]+|$)/;
const RESERVED_KEYS = new Set(["preamble", "closing"]);

interface Heading {
  line: number;
  number: number;
  title: string;
}

interface Closing {
  text: string;
  effectiveDate: string | null;
}

export function parseMeasures(text: string): ParseResult {
  const lines = splitLines(text);
  const blocks = toBlocks(lines);
  const first = blocks[0]?.lines[0];
  if (!first) return { ok: false, errors: [{ line: 1, code: "empty" }] };

  const errors: ParseIssue[] = checkLines(lines);
  const warnings: ParseIssue[] = [];
  const markdown = MARKDOWN_ANY_HEADING.test(first.text);
  const { title, rest } = takeTitle(blocks, markdown, errors);
  const content = markdown ? rest.flatMap(splitAtMarkdownHeadings) : rest;

  const preamble: Block[] = [];
  const drafts: { heading: Heading; blocks: Block[] }[] = [];
  let closing: Closing | null = null;
  let expected = 1;
  let alsoAccepted: number | null = null;
  for (const block of content) {
    if (closing) {
      errors.push({ line: block.lines[0].line, code: "text-after-closing" });
      break;
    }
    const joined = joinBlock(block);
    const marker = findClosingMarker(joined.text);
    if (marker) {
      const line = joined.lineAt(marker.start);
      if (!marker.effectiveDate) errors.push({ line, code: "invalid-date", params: { value: marker.value } });
      const before = joined.text.slice(0, marker.start).trim();
      const after = joined.text.slice(marker.end).trim();
      closing = { text: [before, after].filter(Boolean).join(" "), effectiveDate: marker.effectiveDate };
      continue;
    }
    const heading = readHeading(block, markdown, expected);
    if (heading) {
      // After a mismatch both continuations are accepted, so that a gap (1, 2, 4, 5) and a typo (1, 2, 5, 4)
      // are each reported once rather than on every later heading.
      if (heading.number !== expected && heading.number !== alsoAccepted) {
        errors.push({ line: heading.line, code: "number-out-of-sequence", params: { expected, found: heading.number } });
        alsoAccepted = expected + 1;
      } else {
        alsoAccepted = null;
      }
      if (heading.title === "") errors.push({ line: heading.line, code: "empty-heading" });
      expected = heading.number + 1;
      drafts.push({ heading, blocks: [] });
      continue;
    }
    (drafts.at(-1)?.blocks ?? preamble).push(block);
  }

  const bullet = markdown ? MARKDOWN_BULLET : PLAIN_BULLET;
  const sections: ParsedSection[] = [];
  const preambleBody = renderBody(preamble, bullet, warnings);
  if (preambleBody !== "") sections.push({ key: "preamble", number: null, title: "", body: preambleBody });
  const usedKeys = new Set(RESERVED_KEYS);
  for (const { heading, blocks: sectionBlocks } of drafts) {
    const body = renderBody(sectionBlocks, bullet, warnings);
    if (body === "") errors.push({ line: heading.line, code: "empty-section" });
    const key = uniqueKey(heading.title, usedKeys);
    sections.push({ key, number: String(heading.number), title: heading.title, body });
  }
  if (closing && closing.text !== "") sections.push({ key: "closing", number: null, title: "", body: closing.text });

  if (drafts.length === 0) errors.push({ line: first.line, code: "no-sections" });
  if (!closing) {
    const last = blocks.at(-1)?.lines.at(-1) ?? first;
    warnings.push({ line: last.line, code: "no-effective-date" });
  }

  if (errors.length > 0) return { ok: false, errors: byLine(errors) };
  const document = { title, effectiveDate: closing?.effectiveDate ?? null, sections };
  return { ok: true, document, warnings: byLine(warnings) };
}

/** The first non-blank line is the title unless it is plainly something else (a heading, a bullet, the marker). */
function takeTitle(blocks: Block[], markdown: boolean, errors: ParseIssue[]): { title: string; rest: Block[] } {
  const [head, ...others] = blocks;
  if (!head) return { title: "", rest: [] };
  const [first, second, ...more] = head.lines;
  const afterTitle = second ? [{ lines: [second, ...more] } satisfies Block, ...others] : others;
  if (markdown) {
    const match = MARKDOWN_TITLE.exec(first.text);
    // "## 1. …" as the first line: a Markdown document whose title is missing.
    if (!match) {
      errors.push({ line: first.line, code: "missing-title" });
      return { title: "", rest: blocks };
    }
    const title = stripClosingHashes(match[1] ?? "");
    if (title === "") errors.push({ line: first.line, code: "missing-title" });
    return { title, rest: afterTitle };
  }
  if (NUMBERED.test(first.text) || PLAIN_BULLET.test(first.text) || findClosingMarker(first.text)) {
    errors.push({ line: first.line, code: "missing-title" });
    return { title: "", rest: blocks };
  }
  return { title: first.text, rest: afterTitle };
}

/** In Markdown a "##" line is a heading even without blank lines around it. */
function splitAtMarkdownHeadings(block: Block): Block[] {
  const result: Block[] = [];
  let current: Block | null = null;
  for (const line of block.lines) {
    if (MARKDOWN_SECTION.test(line.text)) {
      result.push({ lines: [line] });
      current = null;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line] };
      result.push(current);
    }
  }
  return result;
}

function readHeading(block: Block, markdown: boolean, expected: number): Heading | null {
  if (block.lines.length !== 1) return null;
  const { line, text } = block.lines[0];
  if (!markdown) {
    const match = NUMBERED.exec(text);
    return match ? { line, number: Number(match[1]), title: (match[2] ?? "").trim() } : null;
  }
  const section = MARKDOWN_SECTION.exec(text);
  if (!section) return null;
  const content = stripClosingHashes(section[1] ?? "");
  const numbered = NUMBERED.exec(content);
  if (numbered) return { line, number: Number(numbered[1]), title: (numbered[2] ?? "").trim() };
  // Unnumbered "## Title" headings take the next number, so they can never be out of sequence.
  return { line, number: expected, title: content };
}

/** "## Title ##" is valid ATX Markdown; the closing hashes are decoration. */
function stripClosingHashes(content: string): string {
  return content.replace(/(?:^|[ \t]+)#+$/, "").trim();
}

/** Joins a block's lines with spaces and maps offsets back to source lines, e.g. for a marker wrapped mid-paragraph. */
function joinBlock(block: Block): { text: string; lineAt: (offset: number) => number } {
  const starts: number[] = [];
  let text = "";
  for (const { text: lineText } of block.lines) {
    if (text !== "") text += " ";
    starts.push(text.length);
    text += lineText;
  }
  const lineAt = (offset: number): number => {
    let index = 0;
    starts.forEach((start, i) => {
      if (start <= offset) index = i;
    });
    return block.lines[index]?.line ?? block.lines[0].line;
  };
  return { text, lineAt };
}

function uniqueKey(title: string, used: Set<string>): string {
  const slug = sectionKey(title);
  const base = RESERVED_KEYS.has(slug) ? withKeySuffix(slug, "-section") : slug;
  let key = base;
  for (let n = 2; used.has(key); n++) key = withKeySuffix(base, `-${n}`);
  used.add(key);
  return key;
}

function byLine(issues: ParseIssue[]): ParseIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}
