// Public entry point of the redline engine; generate-document.ts is test/benchmark tooling and deliberately not re-exported.
export { computeRedline } from "./compute-redline";
export { countWords, diffWords, tokenize } from "./word-diff";
export type {
  BlockDiff,
  Op,
  Redline,
  RedlineCounts,
  RedlineSection,
  SectionDiff,
  SectionPlace,
  SectionStatus,
  Token,
} from "./types";
