// Production build into .next-bench: the developer's .next and the e2e build stay untouched, and
// the benchmark always measures the code in this tree rather than a stale build.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { onCleanup } from "./cleanup";
import { runStep } from "./process";

export const BENCH_DIST_DIR = ".next-bench";

// `next build` adds "<distDir>/types/**/*.ts" to tsconfig.json and points next-env.d.ts at
// <distDir>/types. Both files are shared with everyone working in this tree: put them back.
const REWRITTEN_BY_NEXT = ["tsconfig.json", "next-env.d.ts"];

export async function buildApp(): Promise<void> {
  const env = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  const originals = REWRITTEN_BY_NEXT.filter((file) => existsSync(file)).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const restore = onCleanup("restore tsconfig.json", () => {
    for (const { file, text } of originals) {
      if (readFileSync(file, "utf8") === text) continue;
      writeFileSync(file, text);
      console.log(`[bench] restored ${file} (next build had rewritten it for ${BENCH_DIST_DIR})`);
    }
  });
  // Stop a build that is still running when the benchmark is interrupted.
  let stopBuild = async () => {};
  const unregisterStop = onCleanup("stop build", () => stopBuild());
  try {
    const track = (group: { stop(): Promise<void> }) => (stopBuild = () => group.stop());
    await runStep("npx", ["prisma", "generate"], env, track);
    await runStep("npx", ["next", "build"], env, track);
  } finally {
    stopBuild = async () => {};
    await unregisterStop();
    await restore();
  }
}
