// The fuzzing harness for the certification and NDA forms (not a test file itself): calls a server
// action the way Next does, with whatever a browser or an attacker could post, and checks that the
// answer is a form state or a redirect (an exception would be a 500), that every message is a text
// of the German catalogs, and that a refusal leaves the tenants' rows as they were.
import { FUZZ_RUNS } from "./fuzz-runs";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, vi } from "vitest";
import type { FormState } from "@/lib/forms";
import { withTenant } from "@/server/db/client";
import { redirectTarget } from "@/server/testing/cell-outcome";
import { beginRequest } from "@/server/testing/request-scope";

export const RUNS = FUZZ_RUNS;
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every text of these German catalogs, as a pattern ({placeholders} match anything). */
export function catalogPatterns(namespaces: string[]): { patterns: RegExp[]; generic: RegExp } {
  const leaves: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") leaves.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const namespace of [...namespaces, "errors"]) walk(JSON.parse(readFileSync(path.join(ROOT, "messages/de", `${namespace}.json`), "utf8")));
  const toPattern = (text: string) => {
    let out = "";
    let depth = 0;
    for (const char of text) {
      if (char === "{") {
        if (depth === 0) out += "[\\s\\S]*";
        depth += 1;
      } else if (char === "}") depth -= 1;
      else if (depth === 0) out += char.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${out}$`);
  };
  const errors = JSON.parse(readFileSync(path.join(ROOT, "messages/de/errors.json"), "utf8")) as { generic: string };
  return { patterns: leaves.map(toPattern), generic: toPattern(errors.generic) };
}

/** What a form field may carry besides its typical values: empty, control characters, markup, huge, numbers. */
export const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\n\r\t", "<script>alert(1)</script>", "' OR 1=1 --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ß äöü", "-1", "NaN", "1e9", "2026-02-30", "9999-12-31", "0000-01-01", "x".repeat(60_000)),
  fc.uuid(),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
);

export const fieldValue = (specific: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 6, arbitrary: specific }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.array(hostile, { minLength: 2, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant(undefined) });

export type Fields = Record<string, string | string[] | undefined>;

export function formOf(fields: Fields): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) for (const v of [value].flat()) data.append(name, v);
  return data;
}

/** The rows a tenant's certification and NDA forms can touch, and its settings (one round trip). */
export async function tenantRows(tenantId: string): Promise<string> {
  const [row] = await withTenant(tenantId, (tx) => tx.$queryRaw<Array<Record<string, unknown>>>`
    SELECT (SELECT count(*) FROM certifications)::int AS certifications,
           (SELECT count(*) FROM certificate_files)::int AS files,
           (SELECT count(*) FROM audit_events WHERE tenant_id = ${tenantId}::uuid)::int AS audit,
           (SELECT count(*) FROM outbox_messages WHERE tenant_id = ${tenantId}::uuid)::int AS outbox,
           (SELECT count(*) FROM nda_versions)::int AS nda_versions,
           (SELECT count(*) FROM nda_acceptances WHERE tenant_id = ${tenantId}::uuid)::int AS nda_acceptances,
           (SELECT row_to_json(s)::text FROM (SELECT nda_enabled, open_request_limit, auto_approve_domains, review_reminder_hours FROM tenants WHERE id = ${tenantId}::uuid) s) AS settings`);
  return JSON.stringify(row);
}

export async function fuzzAction(input: {
  label: string;
  run: (fields: Fields) => Promise<unknown>;
  cookie: () => Record<string, string>;
  fields: fc.Arbitrary<Fields>;
  catalog: { patterns: RegExp[]; generic: RegExp };
  tenants: { own: string; other: string };
}) {
  const tally = { cases: 0, unexpected: 0, refused: 0, accepted: 0 };
  const problems: string[] = [];
  // Per case the route's tenant; the other tenant once over the whole run (an action never names it).
  const rows = () => tenantRows(input.tenants.own);
  const otherRows = () => tenantRows(input.tenants.other);
  let before = await rows();
  const otherBefore = await otherRows();
  await fc.assert(
    fc.asyncProperty(input.fields, async (fields) => {
      tally.cases += 1;
      beginRequest({ cookies: input.cookie(), locale: "de" });
      const logged: string[] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
      let outcome: { kind: "state"; state: FormState } | { kind: "redirect" } | { kind: "threw"; error: unknown };
      try {
        outcome = { kind: "state", state: (await input.run(fields)) as FormState };
      } catch (error) {
        outcome = redirectTarget(error) !== null ? { kind: "redirect" } : { kind: "threw", error };
      } finally {
        spy.mockRestore();
      }
      const after = await rows();
      const previous = before;
      before = after;
      const fail = (why: string) => {
        tally.unexpected += 1;
        problems.push(`${why} for ${JSON.stringify(fields).slice(0, 300)}`);
        return false;
      };
      if (outcome.kind === "threw") return fail(`threw ${String(outcome.error)}`);
      if (logged.length > 0) return fail(`logged ${logged.join(" | ").slice(0, 200)}`);
      if (outcome.kind === "redirect" || outcome.state.status === "success") {
        tally.accepted += 1;
        return true;
      }
      const { state } = outcome;
      if (state.status !== "error") return fail(`answered status ${state.status}`);
      tally.refused += 1;
      const texts = [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter((m): m is string => typeof m === "string");
      if (texts.length === 0) return fail("refused without a message");
      for (const text of texts) {
        if (input.catalog.generic.test(text)) return fail(`answered the generic error: ${text}`);
        if (!input.catalog.patterns.some((p) => p.test(text))) return fail(`message not from the catalog: ${text}`);
      }
      if (after !== previous) return fail(`refusal changed rows ${previous} → ${after}`);
      return true;
    }),
    { numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  ).catch((error: unknown) => {
    problems.push(String(error).slice(0, 500));
  });
  console.log(`fuzz ${input.label}: ${tally.cases} cases, ${tally.unexpected} answered with status 500 / unexpected, ${tally.refused} refused with a localized message (nothing stored), ${tally.accepted} accepted`);
  expect(problems).toEqual([]);
  expect(await otherRows(), "the other tenant's rows").toBe(otherBefore);
  expect(tally.cases).toBeGreaterThanOrEqual(RUNS);
  expect(tally.unexpected).toBe(0);
}
