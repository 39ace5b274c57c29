/**
 * Redline between two versions of a sectioned document. Sections are
 * matched by key; within a matched section the title is word-diffed and the
 * body is aligned block by block (see block-diff.ts).
 */
import { parseBlocks } from "@/lib/markdown/blocks";
import { diffBlocks, equalBlocks, wholeBlock } from "./block-diff";
import { findMoved, redlineOrder } from "./section-order";
import type { Redline, RedlineCounts, RedlineSection, SectionDiff, Token } from "./types";
import { countChangedWords, diffWords } from "./word-diff";

/**
 * Throws on duplicate keys within one version: the key is the identity of a
 * section across versions, and guessing which duplicate is meant would
 * produce a silently wrong redline.
 */
export function computeRedline(from: RedlineSection[], to: RedlineSection[]): Redline {
  const fromKeys = from.map((s) => s.key);
  const toKeys = to.map((s) => s.key);
  const fromPosition = positions(fromKeys, "from");
  const toPosition = positions(toKeys, "to");
  const moved = findMoved(fromKeys, toPosition);

  const sections = redlineOrder(fromKeys, toKeys, toPosition).map((entry): SectionDiff => {
    if (entry.side === "from") return removedSection(from[entry.position]!, entry.position);
    const next = to[entry.position]!;
    const oldPosition = fromPosition.get(next.key);
    if (oldPosition === undefined) return addedSection(next, entry.position);
    return sharedSection(from[oldPosition]!, oldPosition, next, entry.position, moved.has(next.key));
  });
  return { sections, counts: tally(sections) };
}

function positions(keys: string[], side: string): Map<string, number> {
  const map = new Map<string, number>();
  keys.forEach((key, i) => {
    if (map.has(key)) throw new Error(`computeRedline: duplicate section key "${key}" in ${side}`);
    map.set(key, i);
  });
  return map;
}

function place(section: RedlineSection, position: number): SectionDiff["from"] {
  return { number: section.number, title: section.title, position };
}

function whole(text: string, op: "insert" | "delete"): Token[] {
  return text === "" ? [] : [{ op, text }];
}

function addedSection(section: RedlineSection, position: number): SectionDiff {
  return {
    key: section.key,
    status: "added",
    moved: false,
    from: null,
    to: place(section, position),
    title: whole(section.title, "insert"),
    blocks: parseBlocks(section.body).map((b) => wholeBlock(b, "inserted")),
  };
}

function removedSection(section: RedlineSection, position: number): SectionDiff {
  return {
    key: section.key,
    status: "removed",
    moved: false,
    from: place(section, position),
    to: null,
    title: whole(section.title, "delete"),
    blocks: parseBlocks(section.body).map((b) => wholeBlock(b, "deleted")),
  };
}

function sharedSection(a: RedlineSection, fromPos: number, b: RedlineSection, toPos: number, moved: boolean): SectionDiff {
  const title = diffWords(a.title, b.title);
  // Identical bodies (the common case) skip alignment entirely.
  const blocks = a.body === b.body ? equalBlocks(parseBlocks(b.body)) : diffBlocks(parseBlocks(a.body), parseBlocks(b.body));
  // Decided on the diff, not the raw strings, so a renumber or a whitespace-only re-wrap stays "unchanged".
  const changed = title.some((t) => t.op !== "equal") || blocks.some((block) => block.status !== "equal");
  return {
    key: b.key,
    status: changed ? "changed" : "unchanged",
    moved,
    from: place(a, fromPos),
    to: place(b, toPos),
    title,
    blocks,
  };
}

function tally(sections: SectionDiff[]): RedlineCounts {
  const counts: RedlineCounts = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0, insertedWords: 0, deletedWords: 0 };
  for (const section of sections) {
    counts[section.status] += 1;
    if (section.moved) counts.moved += 1;
    for (const tokens of [section.title, ...section.blocks.map((b) => b.tokens)]) {
      const words = countChangedWords(tokens);
      counts.insertedWords += words.inserted;
      counts.deletedWords += words.deleted;
    }
  }
  return counts;
}
