// The redline engine on its own, without HTTP or database: a 100-section document against a
// plausible next version, the size the compare page has to handle within the latency budget.
import { computeRedline } from "@/lib/redline";
import { generateDocument, mutateDocument } from "@/lib/redline/generate-document";

export type RedlineResult = { sections: number; runs: number; medianMs: number; p95Ms: number; changedSections: number };

function percentile(sorted: number[], p: number): number {
  // Nearest rank: with 50 runs p95 is the 48th fastest, an actually observed time.
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function benchRedline({ sections = 100, seed = 20240601, warmupRuns = 5, runs = 50 } = {}): RedlineResult {
  const from = generateDocument(sections, seed);
  const to = mutateDocument(from, seed);
  // Warm-up lets V8 optimise the diff code: the server computes redlines in a long-lived process.
  for (let i = 0; i < warmupRuns; i += 1) computeRedline(from, to);

  const times: number[] = [];
  let changedSections = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const redline = computeRedline(from, to);
    times.push(performance.now() - started);
    changedSections = redline.sections.filter((s) => s.status !== "unchanged").length;
  }
  times.sort((a, b) => a - b);
  return { sections, runs, medianMs: median(times), p95Ms: percentile(times, 0.95), changedSections };
}
