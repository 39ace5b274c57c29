/**
 * Inline level of the safe Markdown subset: **strong**, *em* / _em_,
 * `code` and [links](https://…). Raw HTML is never interpreted — `<script>`
 * is just text, and the React renderer escapes it. Links are only produced
 * for http(s) and mailto URLs so a stored `javascript:` URL can never reach
 * an href.
 *
 * Emphasis follows a trimmed-down version of CommonMark's delimiter-run
 * algorithm, so nesting (`**a *b* c**`, `***x***`) and unclosed markers
 * (`**oops`) behave the way authors coming from other editors expect.
 */
import { type Block, parseBlocks } from "./blocks";

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong" | "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] };

/** A run of `*` or `_` that may still become emphasis; leftovers turn back into text. */
interface Delim {
  type: "delim";
  char: "*" | "_";
  count: number;
  origCount: number;
  canOpen: boolean;
  canClose: boolean;
}
type Item = Inline | Delim;

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
// Whitespace or control characters mean the "URL" is not one (titles are not supported).
const BAD_HREF_CHAR = /[\s\u0000-\u001f\u007f]/;
const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/;
const WHITESPACE = /^\s$/u;
const PUNCT = /^[\p{P}\p{S}]$/u;

export function parseInline(text: string): Inline[] {
  return parse(text, true);
}

/** Markup stripped, blocks separated by blank lines (items of one list by single newlines); for search and feeds. */
export function plainText(markdown: string): string {
  let out = "";
  let prev: Block | undefined;
  for (const block of parseBlocks(markdown)) {
    // Items of one list (same kind, as renderers group them) stay on adjacent lines.
    const sameList = prev?.type === "item" && block.type === "item" && prev.ordered === block.ordered;
    if (prev) out += sameList ? "\n" : "\n\n";
    out += inlineToText(parseInline(block.text));
    prev = block;
  }
  return out;
}

export function inlineToText(nodes: Inline[]): string {
  let out = "";
  for (const node of nodes) {
    out += node.type === "text" || node.type === "code" ? node.text : inlineToText(node.children);
  }
  return out;
}

function parse(src: string, allowLinks: boolean): Inline[] {
  const items: Item[] = [];
  let buf = "";
  const flushText = (): void => {
    if (buf !== "") items.push({ type: "text", text: buf });
    buf = "";
  };

  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    const next = src.charAt(i + 1);
    const link = ch === "[" && allowLinks ? matchLink(src, i) : null;
    if (ch === "\\" && ASCII_PUNCT.test(next)) {
      buf += next;
      i += 2;
    } else if (ch === "`") {
      const run = runLength(src, i, "`");
      const close = findBacktickRun(src, i + run, run);
      if (close < 0) {
        buf += src.slice(i, i + run);
      } else {
        flushText();
        items.push({ type: "code", text: codeContent(src.slice(i + run, close)) });
      }
      i = close < 0 ? i + run : close + run;
    } else if (link) {
      // Links cannot nest, so the label is parsed without link support.
      const children = parse(link.label, false);
      const href = link.dest.trim().replace(/\\([!-/:-@[-`{-~])/g, "$1");
      flushText();
      if (SAFE_HREF.test(href) && !BAD_HREF_CHAR.test(href)) {
        items.push({ type: "link", href, children });
      } else {
        // Unsafe or malformed target: show the source literally, but as one
        // unit so the URL part cannot pair emphasis with text outside it.
        items.push({ type: "text", text: "[" }, ...children, { type: "text", text: `](${link.dest})` });
      }
      i = link.end;
    } else if (ch === "*" || ch === "_") {
      const run = runLength(src, i, ch);
      flushText();
      items.push(makeDelim(src, i, run, ch));
      i += run;
    } else {
      buf += ch;
      i += 1;
    }
  }
  flushText();
  processEmphasis(items);
  return normalize(items);
}

function runLength(src: string, start: number, ch: string): number {
  let end = start;
  while (src.charAt(end) === ch) end += 1;
  return end - start;
}

function findBacktickRun(src: string, from: number, run: number): number {
  let j = from;
  while (j < src.length) {
    if (src.charAt(j) === "`") {
      const len = runLength(src, j, "`");
      if (len === run) return j;
      j += len;
    } else {
      j += 1;
    }
  }
  return -1;
}

/** CommonMark: one surrounding space is stripped so `` ` `x` ` `` can show backticks. */
function codeContent(raw: string): string {
  if (raw.length >= 2 && raw.startsWith(" ") && raw.endsWith(" ") && raw.trim() !== "") return raw.slice(1, -1);
  return raw;
}

/** `[label](dest)` with balanced brackets/parentheses; null if the syntax does not close. */
function matchLink(src: string, start: number): { label: string; dest: string; end: number } | null {
  const labelEnd = findClosing(src, start + 1, "[", "]");
  if (labelEnd < 0 || src.charAt(labelEnd + 1) !== "(") return null;
  const destEnd = findClosing(src, labelEnd + 2, "(", ")");
  if (destEnd < 0) return null;
  return { label: src.slice(start + 1, labelEnd), dest: src.slice(labelEnd + 2, destEnd), end: destEnd + 1 };
}

/**
 * Brackets are only searched this far, so a text full of `[` stays linear
 * instead of rescanning to the end for every bracket. Longer labels or URLs
 * are not links (CommonMark caps reference labels at 999 characters too).
 */
const MAX_LINK_PART = 2000;

function findClosing(src: string, from: number, open: string, close: string): number {
  let depth = 1;
  const end = Math.min(src.length, from + MAX_LINK_PART);
  for (let j = from; j < end; j += 1) {
    const c = src.charAt(j);
    if (c === "\\") j += 1;
    else if (c === open) depth += 1;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}

function charBefore(src: string, i: number): string {
  if (i <= 0) return " "; // start of text counts as whitespace for flanking
  const low = src.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? src.slice(i - 2, i) : src.charAt(i - 1);
}

function charAfter(src: string, i: number): string {
  if (i >= src.length) return " ";
  return String.fromCodePoint(src.codePointAt(i) ?? 32);
}

/** CommonMark flanking rules decide whether a run may open and/or close emphasis. */
function makeDelim(src: string, i: number, run: number, char: "*" | "_"): Delim {
  const before = charBefore(src, i);
  const after = charAfter(src, i + run);
  const wsBefore = WHITESPACE.test(before);
  const wsAfter = WHITESPACE.test(after);
  const punctBefore = PUNCT.test(before);
  const punctAfter = PUNCT.test(after);
  const left = !wsAfter && (!punctAfter || wsBefore || punctBefore);
  const right = !wsBefore && (!punctBefore || wsAfter || punctAfter);
  // `_` must not emphasise inside words (snake_case_names stay intact).
  const canOpen = char === "*" ? left : left && (!right || punctBefore);
  const canClose = char === "*" ? right : right && (!left || punctAfter);
  return { type: "delim", char, count: run, origCount: run, canOpen, canClose };
}

function violatesRuleOfThree(opener: Delim, closer: Delim): boolean {
  return (
    (opener.canClose || closer.canOpen) &&
    (opener.origCount + closer.origCount) % 3 === 0 &&
    !(opener.origCount % 3 === 0 && closer.origCount % 3 === 0)
  );
}

/**
 * Pairs closers with the nearest compatible opener, wrapping what lies
 * between. `bottom` is CommonMark's openers_bottom: once a search for some
 * kind of closer fails, later closers of that kind do not rescan the same
 * prefix, which keeps adversarial input (`a* a* a* …`) linear.
 */
function processEmphasis(items: Item[]): void {
  const bottom = new Map<string, number>();
  let ci = 0;
  while (ci < items.length) {
    const closer = items[ci];
    if (closer?.type !== "delim" || !closer.canClose) {
      ci += 1;
      continue;
    }
    const kind = `${closer.char}${closer.canOpen ? 1 : 0}${closer.origCount % 3}`;
    const floor = bottom.get(kind) ?? 0;
    let oi = ci - 1;
    let opener: Delim | undefined;
    for (; oi >= floor; oi -= 1) {
      const cand = items[oi];
      if (cand?.type === "delim" && cand.char === closer.char && cand.canOpen && !violatesRuleOfThree(cand, closer)) {
        opener = cand;
        break;
      }
    }
    if (!opener) {
      bottom.set(kind, ci);
      ci += 1;
      continue;
    }
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    // Delimiters strictly between the pair can no longer match: normalize turns them into text.
    const children = normalize(items.slice(oi + 1, ci));
    opener.count -= use;
    closer.count -= use;
    const replacement: Item[] = [];
    if (opener.count > 0) replacement.push(opener);
    replacement.push({ type: use === 2 ? "strong" : "em", children });
    if (closer.count > 0) replacement.push(closer);
    items.splice(oi, ci - oi + 1, ...replacement);
    // Items from oi on changed, so no bottom may lie above it any more.
    for (const [key, value] of bottom) if (value > oi) bottom.set(key, oi);
    // Continue at the closer's remainder (it may close an outer opener) or after the new node.
    ci = oi + (opener.count > 0 ? 1 : 0) + 1;
  }
}

/** Leftover delimiters become literal text; adjacent text nodes are merged. */
function normalize(items: Item[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const node: Inline = item.type === "delim" ? { type: "text", text: item.char.repeat(item.count) } : item;
    if (node.type === "text") {
      if (node.text === "") continue;
      const last = out[out.length - 1];
      if (last?.type === "text") {
        out[out.length - 1] = { type: "text", text: last.text + node.text };
        continue;
      }
    }
    out.push(node);
  }
  return out;
}
