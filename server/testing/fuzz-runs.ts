import { testDatabase } from "./database";

/**
 * Cases per fuzzed action: 1,000 on a PostgreSQL server (CI's first run, the bar); 200 on
 * the embedded PGlite, which CI's second run covers for compatibility at a fraction of the speed.
 * FUZZ_RUNS overrides both; a run of no cases is refused rather than passed.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS || (testDatabase().kind === "postgres" ? 1000 : 200));
if (!Number.isInteger(FUZZ_RUNS) || FUZZ_RUNS < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${process.env.FUZZ_RUNS}`);
