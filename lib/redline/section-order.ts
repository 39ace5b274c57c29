/**
 * Section-level alignment: which shared sections moved, and in which order
 * the redline lists sections (new order, removed sections slotted in where
 * they used to be).
 */

/**
 * Indices (into `values`) of one longest strictly increasing subsequence,
 * O(n log n) patience sorting. Keys are unique, so the LCS of the shared keys
 * in from-order vs to-order is exactly the LIS of their to-positions taken in
 * from-order. Ties are resolved deterministically; for two swapped
 * neighbours the one earlier in from is the one reported as moved.
 */
export function longestIncreasingSubsequence(values: number[]): Set<number> {
  // tails[k] = index of the smallest tail value of an increasing run of length k+1
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const result = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) result.add(i);
  return result;
}

/**
 * Keys of shared sections whose relative order changed. A section that only
 * shifted because others were inserted or removed keeps its relative order
 * and is therefore not moved.
 */
export function findMoved(fromKeys: string[], toPosition: Map<string, number>): Set<string> {
  const shared = fromKeys.filter((key) => toPosition.has(key));
  const keep = longestIncreasingSubsequence(shared.map((key) => toPosition.get(key)!));
  return new Set(shared.filter((_, i) => !keep.has(i)));
}

export type OrderEntry = { side: "to"; position: number } | { side: "from"; position: number };

/**
 * The to-order, with every removed section placed right after the section
 * that preceded it in from (chains of removed sections keep their from
 * order; removed sections at the very start of from come first).
 */
export function redlineOrder(fromKeys: string[], toKeys: string[], toPosition: Map<string, number>): OrderEntry[] {
  const removedAfter = new Map<string | null, number[]>();
  let anchor: string | null = null;
  fromKeys.forEach((key, position) => {
    if (toPosition.has(key)) {
      anchor = key;
      return;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(position);
    removedAfter.set(anchor, list);
  });

  const removed = (key: string | null): OrderEntry[] =>
    (removedAfter.get(key) ?? []).map((position) => ({ side: "from", position }));
  const order: OrderEntry[] = removed(null);
  toKeys.forEach((key, position) => {
    order.push({ side: "to", position }, ...removed(key));
  });
  return order;
}
