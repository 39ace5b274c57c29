import { describe, expect, it } from "vitest";
import { parseBlocks } from "@/lib/markdown/blocks";
import { computeRedline } from "./compute-redline";
import { generateDocument, mutateDocument } from "./generate-document";
import type { BlockDiff, Redline, RedlineSection, Token } from "./types";

const rebuild = (tokens: Token[], skip: "insert" | "delete"): string =>
  tokens.filter((t) => t.op !== skip).map((t) => t.text).join("");

/** Rebuilds one side's titles and blocks from the tokens and compares with the input. */
function expectSide(redline: Redline, sections: RedlineSection[], side: "from" | "to"): void {
  const skip = side === "from" ? "insert" : "delete";
  const absent: BlockDiff["status"] = side === "from" ? "inserted" : "deleted";
  const present = redline.sections.filter((s) => s[side] !== null).sort((x, y) => x[side]!.position - y[side]!.position);
  expect(present.map((s) => s.key)).toEqual(sections.map((s) => s.key));
  present.forEach((diff, i) => {
    const source = sections[i]!;
    expect(diff[side]).toEqual({ number: source.number, title: source.title, position: i });
    expect(rebuild(diff.title, skip)).toBe(source.title);
    const blocks = diff.blocks.filter((b) => b.status !== absent);
    expect(blocks.map((b) => ({ type: b.type, text: rebuild(b.tokens, skip) }))).toEqual(
      parseBlocks(source.body).map((b) => ({ type: b.type, text: b.text })),
    );
  });
}

function expectWellFormed(redline: Redline): void {
  for (const s of redline.sections) {
    for (const tokens of [s.title, ...s.blocks.map((b) => b.tokens)]) {
      tokens.forEach((t, i) => {
        expect(t.text).not.toBe("");
        expect(tokens[i + 1]?.op).not.toBe(t.op);
      });
    }
    if (s.status === "unchanged") {
      expect(s.blocks.every((b) => b.status === "equal")).toBe(true);
      expect(s.title.every((t) => t.op === "equal")).toBe(true);
    }
  }
}

describe("generateDocument / mutateDocument", () => {
  it("is deterministic and produces realistic sections", () => {
    const doc = generateDocument(40, 7);
    expect(generateDocument(40, 7)).toEqual(doc);
    expect(mutateDocument(doc, 3)).toEqual(mutateDocument(doc, 3));
    expect(generateDocument(40, 8)).not.toEqual(doc);
    expect(new Set(doc.map((s) => s.key)).size).toBe(40);
    expect(doc.some((s) => parseBlocks(s.body).some((b) => b.type === "item"))).toBe(true);
    expect(doc.some((s) => /[äöüß]/.test(s.body))).toBe(true);
  });

  it("keeps the token invariant and the expected counts for seeds 1..50", () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const size = 20 + (seed % 5) * 20;
      const before = generateDocument(size, seed);
      const after = mutateDocument(before, seed * 31);
      const redline = computeRedline(before, after);
      expectSide(redline, before, "from");
      expectSide(redline, after, "to");
      expectWellFormed(redline);
      const { counts } = redline;
      expect(counts).toMatchObject({ added: 3, removed: 3, changed: Math.round(size * 0.2) });
      expect(counts.moved).toBeGreaterThanOrEqual(1);
      expect(counts.moved).toBeLessThanOrEqual(2);
      expect(counts.added + counts.removed + counts.changed + counts.unchanged).toBe(redline.sections.length);

      const reversed = computeRedline(after, before);
      expectSide(reversed, after, "from");
      expectSide(reversed, before, "to");
      expect(reversed.counts).toEqual({
        ...counts,
        added: counts.removed,
        removed: counts.added,
        insertedWords: counts.deletedWords,
        deletedWords: counts.insertedWords,
      });
    }
  });

  it("computes a 100-section redline quickly (sanity bound; logs the median of 20 runs)", () => {
    const before = generateDocument(100, 2024);
    const after = mutateDocument(before, 99);
    for (let i = 0; i < 5; i += 1) computeRedline(before, after); // warm up the JIT
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const start = performance.now();
      computeRedline(before, after);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    const median = ((times[9] ?? 0) + (times[10] ?? 0)) / 2;
    console.log(`computeRedline, 100 sections: median ${median.toFixed(2)} ms over 20 runs (max ${times[19]?.toFixed(2)} ms)`);
    expect(median).toBeLessThan(500);
  });
});
