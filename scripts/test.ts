// `npm test`: every check, in the order that fails fastest: lint, typecheck, unit + integration
// (Vitest), then end-to-end (Playwright on the production build). Databases:
//   DATABASE_URL set -> integration and e2e on fresh databases on that PostgreSQL server, and the
//                       e2e suite once more on the embedded PGlite (the newcomer's path);
//   otherwise        -> everything on fresh embedded PGlite databases.
// Ends with one summary line, "Total: N passed, N failed"; a run that executed no test fails.
import "dotenv/config";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase } from "@/server/testing/postgres-admin";
import { run } from "./run";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const results: Array<{ stage: string; passed: number; failed: number; ok: boolean }> = [];
const distDir = ".next-test";

async function stage(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const code = await run(command, args, env);
  console.log(`━━ ${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code === 0;
}

function countsFrom(jsonFile: string, read: (report: Record<string, unknown>) => { passed: number; failed: number }) {
  try {
    return read(JSON.parse(readFileSync(jsonFile, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

async function vitest() {
  const report = path.join(mkdtempSync(path.join(tmpdir(), "vitest-")), "report.json");
  const ok = await stage("unit and integration (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const counts = countsFrom(report, (r) => ({ passed: Number(r.numPassedTests ?? 0), failed: Number(r.numFailedTests ?? 0) }));
  results.push({ stage: "vitest", ...counts, ok });
}

async function e2e(label: string, database: { E2E_DATABASE_URL: string } | { E2E_PGLITE_DIR: string }) {
  const report = path.join(mkdtempSync(path.join(tmpdir(), "playwright-")), "report.json");
  // The app under test gets exactly the database chosen here (playwright.config.ts), nothing inherited.
  const { DATABASE_URL: _server, PGLITE_DIR: _embedded, ...inherited } = process.env;
  void [_server, _embedded];
  const env = { ...inherited, ...database, NEXT_DIST_DIR: distDir, PLAYWRIGHT_JSON_OUTPUT_NAME: report } as NodeJS.ProcessEnv;
  const ok = await stage(`end-to-end (Playwright, ${label})`, bin("playwright"), ["test", "--reporter=list,json"], env);
  const counts = countsFrom(report, (r) => {
    const stats = r.stats as { expected?: number; unexpected?: number; flaky?: number } | undefined;
    return { passed: Number(stats?.expected ?? 0) + Number(stats?.flaky ?? 0), failed: Number(stats?.unexpected ?? 0) };
  });
  results.push({ stage: `e2e ${label}`, ...counts, ok });
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  let ok = await stage("generate Prisma client", bin("prisma"), ["generate"]);
  // CI's second pass (the embedded database) runs on the tree its first pass has linted and checked.
  if (process.env.STATIC_CHECKS === "skip") console.log("\n━━ lint and typecheck: skipped (STATIC_CHECKS=skip) ━━");
  else {
    ok = ok && (await stage("lint (ESLint)", bin("eslint"), ["."]));
    ok = ok && (await stage("typecheck (tsc)", bin("tsc"), ["--noEmit"]));
  }
  if (ok) await vitest();
  ok = ok && results.every((r) => r.ok);
  ok = ok && (await stage("production build for e2e", bin("next"), ["build"], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_SKIP_TYPECHECK: "1" }));
  if (ok && serverUrl) {
    const url = await createDatabase(serverUrl, `vouchsafe_e2e_${Date.now()}`);
    try {
      await e2e("PostgreSQL server", { E2E_DATABASE_URL: url });
    } finally {
      await dropDatabase(url);
    }
  }
  // CI runs `npm test` once more without DATABASE_URL, which covers the embedded database; it skips
  // this second e2e pass of the server run (E2E_EMBEDDED=skip) instead of running it twice.
  if (ok && !(serverUrl && process.env.E2E_EMBEDDED === "skip")) {
    const dir = mkdtempSync(path.join(tmpdir(), "vouchsafe-e2e-"));
    try {
      await e2e("embedded PGlite", { E2E_PGLITE_DIR: path.join(dir, "pglite") });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`${r.ok ? "ok    " : "FAILED"} ${r.stage}: ${r.passed} passed, ${r.failed} failed`);
  const green = ok && results.length > 0 && results.every((r) => r.ok) && failed === 0 && passed > 0;
  if (!ok && results.every((r) => r.ok)) console.log("A stage before or between the test runners failed (see above).");
  console.log(`Total: ${passed} passed, ${failed} failed`);
  process.exit(green ? 0 : 1);
}

await main();
