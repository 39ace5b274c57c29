import { describe, expect, it } from "vitest";
import { findMoved, longestIncreasingSubsequence, redlineOrder } from "./section-order";

const positions = (keys: string[]): Map<string, number> => new Map(keys.map((k, i) => [k, i]));

describe("longestIncreasingSubsequence", () => {
  it("finds one longest strictly increasing run", () => {
    expect([...longestIncreasingSubsequence([])]).toEqual([]);
    expect([...longestIncreasingSubsequence([0, 1, 2])].sort()).toEqual([0, 1, 2]);
    expect([...longestIncreasingSubsequence([3, 0, 1, 2])].sort()).toEqual([1, 2, 3]);
    expect(longestIncreasingSubsequence([2, 5, 3, 7, 11, 8, 10, 13, 6]).size).toBe(6);
  });
});

describe("findMoved", () => {
  it("ignores shifts caused by insertions and removals", () => {
    expect(findMoved(["a", "b", "c", "d"], positions(["x", "a", "c", "d", "y"]))).toEqual(new Set());
  });

  it("reports the minimal set of moved sections", () => {
    expect(findMoved(["a", "b", "c", "d", "e"], positions(["b", "c", "d", "e", "a"]))).toEqual(new Set(["a"]));
    expect(findMoved(["a", "b", "c", "d", "e"], positions(["e", "a", "b", "c", "d"]))).toEqual(new Set(["e"]));
    expect(findMoved(["a", "b", "c", "d", "e"], positions(["b", "a", "c", "e", "d"])).size).toBe(2);
  });
});

describe("redlineOrder", () => {
  it("interleaves removed sections after their from-predecessor", () => {
    const from = ["r0", "a", "r1", "r2", "b", "c", "r3"];
    const to = ["c", "a", "n", "b"];
    const order = redlineOrder(from, to, positions(to)).map((e) => (e.side === "to" ? to[e.position] : from[e.position]));
    expect(order).toEqual(["r0", "c", "r3", "a", "r1", "r2", "n", "b"]);
  });
});
