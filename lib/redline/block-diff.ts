/**
 * Aligns the blocks (paragraphs, list items) of two section bodies. Exact
 * matches are aligned first (LCS via jsdiff's diffArrays); in each gap
 * between matches, deleted and inserted blocks that are similar enough are
 * paired into "changed" blocks with a word diff, so an edited bullet shows
 * its edit instead of a whole-bullet replacement.
 */
import { diffArrays } from "diff";
import type { Block } from "@/lib/markdown/blocks";
import type { BlockDiff } from "./types";
import { diffWords, splitWords } from "./word-diff";

/** Dice coefficient over word multisets at or above which two blocks count as one edited block. */
export const PAIR_SIMILARITY = 0.4;

export function diffBlocks(oldBlocks: Block[], newBlocks: Block[]): BlockDiff[] {
  const changes = diffArrays(oldBlocks.map(blockKey), newBlocks.map(blockKey));
  const out: BlockDiff[] = [];
  let oi = 0;
  let ni = 0;
  let deleted: Block[] = [];
  let inserted: Block[] = [];
  const flushGap = (): void => {
    out.push(...pairGap(deleted, inserted));
    deleted = [];
    inserted = [];
  };

  for (const change of changes) {
    const n = change.value.length;
    if (change.removed) {
      deleted.push(...oldBlocks.slice(oi, oi + n));
      oi += n;
    } else if (change.added) {
      inserted.push(...newBlocks.slice(ni, ni + n));
      ni += n;
    } else {
      flushGap();
      out.push(...newBlocks.slice(ni, ni + n).map((b) => wholeBlock(b, "equal")));
      oi += n;
      ni += n;
    }
  }
  flushGap();
  return out;
}

/** Every block unchanged; used for unchanged sections so the UI can still expand them. */
export function equalBlocks(blocks: Block[]): BlockDiff[] {
  return blocks.map((b) => wholeBlock(b, "equal"));
}

export function wholeBlock(block: Block, status: "equal" | "inserted" | "deleted"): BlockDiff {
  const op = status === "equal" ? "equal" : status === "inserted" ? "insert" : "delete";
  return { type: block.type, ordered: isOrdered(block), status, tokens: [{ op, text: block.text }] };
}

/**
 * Pairs deleted with inserted blocks greedily, but most-similar first rather
 * than strictly left to right: a left-to-right greedy let an early, weaker
 * match steal the partner of a near-identical later block (seen in the
 * generated property documents), and it made a→b and b→a disagree. A pair is
 * only accepted if it keeps both block orders (no crossing pairs). Unpaired
 * blocks are emitted before the next pair, deletions first.
 */
function pairGap(deleted: Block[], inserted: Block[]): BlockDiff[] {
  if (deleted.length === 0 || inserted.length === 0) {
    return [...deleted.map((b) => wholeBlock(b, "deleted")), ...inserted.map((b) => wholeBlock(b, "inserted"))];
  }
  const pairs = choosePairs(deleted, inserted);
  const out: BlockDiff[] = [];
  let d = 0;
  let i = 0;
  for (const pair of pairs) {
    for (; d < pair.del; d += 1) out.push(wholeBlock(deleted[d]!, "deleted"));
    for (; i < pair.ins; i += 1) out.push(wholeBlock(inserted[i]!, "inserted"));
    const del = deleted[d++]!;
    const ins = inserted[i++]!;
    out.push({ type: ins.type, ordered: isOrdered(ins), status: "changed", tokens: diffWords(del.text, ins.text) });
  }
  for (; d < deleted.length; d += 1) out.push(wholeBlock(deleted[d]!, "deleted"));
  for (; i < inserted.length; i += 1) out.push(wholeBlock(inserted[i]!, "inserted"));
  return out;
}

interface Pair {
  del: number;
  ins: number;
  score: number;
}

/** Non-crossing pairs with Dice ≥ PAIR_SIMILARITY, best first; returned in block order. */
function choosePairs(deleted: Block[], inserted: Block[]): Pair[] {
  const insertedWords = inserted.map((b) => words(b.text));
  const candidates: Pair[] = [];
  deleted.forEach((del, d) => {
    const delWords = words(del.text);
    inserted.forEach((ins, i) => {
      // A block's kind cannot be shown in a token diff, so kinds must match to pair.
      if (ins.type !== del.type || isOrdered(ins) !== isOrdered(del)) return;
      const score = dice(delWords, insertedWords[i]!);
      if (score >= PAIR_SIMILARITY) candidates.push({ del: d, ins: i, score });
    });
  });
  // Ties prefer pairs near the start and near the diagonal, which reads most naturally.
  candidates.sort((a, b) => b.score - a.score || a.del + a.ins - (b.del + b.ins) || a.del - b.del);
  const accepted: Pair[] = [];
  for (const c of candidates) {
    const fits = accepted.every((p) => (p.del < c.del && p.ins < c.ins) || (p.del > c.del && p.ins > c.ins));
    if (fits) accepted.push(c);
  }
  return accepted.sort((a, b) => a.del - b.del);
}

function blockKey(block: Block): string {
  return `${block.type === "paragraph" ? "p" : isOrdered(block) ? "o" : "u"}:${block.text}`;
}

function isOrdered(block: Block): boolean {
  return block.type === "item" && block.ordered;
}

function words(text: string): string[] {
  return splitWords(text).map((w) => w.toLowerCase());
}

/** 2·|A∩B| / (|A|+|B|) over word multisets; 0 when neither side has words. */
export function dice(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      shared += 1;
      counts.set(w, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
