// Fuzzing every form action of the attestation workflow with fast-check (1,000 cases each on PostgreSQL, 200 on PGlite: server/testing/fuzz-runs.ts; FUZZ_RUNS
// overrides): the actions are called the way Next calls them, with the signed-in session of a
// customer or a reviewer and whatever a browser (or an attacker) could post. Each answer must be a
// form state or a redirect (never an exception: that would be a 500), every message must be a text
// of the German catalogs (not a library's English default), and a refusal must leave every table
// of the workflow as it was.
import { randomUUID } from "node:crypto";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
// revalidatePath needs Next's request store; what it would invalidate is not under test here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import type { FormState } from "@/lib/forms";
import { IDLE } from "@/lib/forms";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb } from "@/server/db/client";
import { redirectTarget } from "@/server/testing/cell-outcome";
import { connectTestDatabase } from "@/server/testing/database";
import { catalogPatterns } from "@/server/testing/fuzz-harness";
import { FUZZ_RUNS } from "@/server/testing/fuzz-runs";
import { beginRequest } from "@/server/testing/request-scope";
import { createAttestationRequest } from "./create-request";
import { decideRequest } from "./decide";
import { attestationTenant, customer, meta as fixtureMeta, requestInput, workflowCounts, type AttestationTenant } from "./test-fixtures";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const RUNS = FUZZ_RUNS;
const ROOT = path.resolve(import.meta.dirname, "../..");

// Every German catalog text the actions answer from (attestations and errors), as patterns.
const CATALOG = catalogPatterns(["attestations"]);

function messagesOf(state: FormState): string[] {
  return [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter((m): m is string => typeof m === "string");
}

type Action = (...args: unknown[]) => Promise<unknown>;
async function actionOf(file: string, name: string): Promise<Action> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  return mod[name] as Action;
}

let t: AttestationTenant;
let other: AttestationTenant;
let tokens: { customer: string; reviewer: string };
let pool: { own: string[]; foreign: string[] };
let requester: { id: string; email: string; name: string | null };

/** Fresh requests of the fuzzed customer in the state an action acts on, so that valid posts can succeed. */
async function refill(state: "SUBMITTED" | "IN_REVIEW" | "INFO_REQUESTED" | "ISSUED", count = 4) {
  for (let i = 0; i < count; i++) {
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester, data: requestInput(t.certificationIds), meta: fixtureMeta });
    if (state !== "SUBMITTED") await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 0, name: "startReview", meta: fixtureMeta });
    if (state === "INFO_REQUESTED") await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "requestInformation", message: "Bitte erläutern.", meta: fixtureMeta });
    if (state === "ISSUED") await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta: fixtureMeta });
    pool.own.push(requestId);
  }
}

beforeAll(async () => {
  [t, other] = await Promise.all([attestationTenant("fuzz", { openRequestLimit: 1000 }), attestationTenant("fuzzother")]);
  const db = await getDb();
  requester = await customer();
  const session = (userId: string, staff: boolean) =>
    db.$transaction((tx) => createSession(tx, { userId, method: staff ? "PASSWORD" : "MAGIC_LINK", mfa: staff, kind: staff ? "staff" : "customer", ip: null, userAgent: null }));
  await db.user.update({ where: { id: t.reviewer.id }, data: { totpEnabledAt: new Date() } });
  tokens = { customer: (await session(requester.id, false)).token, reviewer: (await session(t.reviewer.id, true)).token };
  // Requests in every reachable state, of this customer and of others, in this tenant and another.
  const own: string[] = [];
  for (let i = 0; i < 12; i++) {
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester: i % 3 === 0 ? await customer() : requester, data: requestInput(t.certificationIds), meta: fixtureMeta });
    if (i % 4 >= 1) await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 0, name: "startReview", meta: fixtureMeta });
    if (i % 4 >= 2) await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "requestInformation", message: "Bitte erläutern.", meta: fixtureMeta });
    if (i % 4 === 3) await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 2, name: "reject", message: "Nein.", meta: fixtureMeta });
    own.push(requestId);
  }
  const foreign = [(await createAttestationRequest({ tenant: other.tenant, requester, data: requestInput(other.certificationIds), meta: fixtureMeta })).requestId];
  pool = { own, foreign };
});

// What a form field may carry: typical values, the ids the pages use, and hostile text.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\n\r\t", "<script>alert(1)</script>", "' OR 1=1 --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ß äöü", "-1", "NaN", "1e9", "00000000-0000-0000-0000-000000000000", "x".repeat(5000)),
  fc.uuid(),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
);
const fieldValue = (specific: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 6, arbitrary: specific }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.array(hostile, { minLength: 2, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant(undefined) });

function formOf(fields: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) for (const v of [value].flat()) data.append(name, v);
  return data;
}

interface Tally {
  cases: number;
  unexpected: number;
  refused: number;
  accepted: number;
}

/**
 * `scope` "tenant": only the route's tenant may change (a reviewer's action); "customer": the
 * customer's own requests live in both tenants (/account acts across tenants), so both are compared.
 */
async function fuzz(label: string, run: (fields: Record<string, string | string[] | undefined>) => Promise<unknown>, token: () => string, fields: fc.Arbitrary<Record<string, string | string[] | undefined>>, scope: "tenant" | "customer") {
  const tally: Tally = { cases: 0, unexpected: 0, refused: 0, accepted: 0 };
  const problems: string[] = [];
  const counts = async () => [await workflowCounts(t.tenant.id), await workflowCounts(other.tenant.id)];
  // Rows change only through the action under test: one case's "after" is the next one's "before".
  let before = await counts();
  await fc.assert(
    fc.asyncProperty(fields, async (input) => {
      tally.cases += 1;
      beginRequest({ cookies: { [sessionCookieName()]: token() }, locale: "de" });
      const logged: string[] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
      let outcome: { kind: "state"; state: FormState } | { kind: "redirect"; target: string } | { kind: "threw"; error: unknown };
      try {
        outcome = { kind: "state", state: (await run(input)) as FormState };
      } catch (error) {
        const target = redirectTarget(error);
        outcome = target !== null ? { kind: "redirect", target } : { kind: "threw", error };
      } finally {
        spy.mockRestore();
      }
      const after = await counts();
      const previous = before;
      before = after;
      const fail = (why: string) => {
        tally.unexpected += 1;
        problems.push(`${why} for ${JSON.stringify(input).slice(0, 300)}`);
        return false;
      };
      if (outcome.kind === "threw") return fail(`threw ${String(outcome.error)}`);
      if (logged.length > 0) return fail(`logged ${logged.join(" | ").slice(0, 200)}`);
      if (scope === "tenant" && JSON.stringify(after[1]) !== JSON.stringify(previous[1])) return fail(`the other tenant's rows changed ${JSON.stringify(previous[1])} → ${JSON.stringify(after[1])}`);
      if (outcome.kind === "redirect") {
        tally.accepted += 1;
        return true;
      }
      const { state } = outcome;
      if (state.status === "success") {
        tally.accepted += 1;
        return true;
      }
      if (state.status !== "error") return fail(`answered status ${state.status}`);
      tally.refused += 1;
      const texts = messagesOf(state);
      if (texts.length === 0) return fail("refused without a message");
      for (const text of texts) {
        if (CATALOG.generic.test(text)) return fail(`answered the generic error: ${text}`);
        if (!CATALOG.patterns.some((p) => p.test(text))) return fail(`message not from the catalog: ${text}`);
      }
      if (JSON.stringify(after) !== JSON.stringify(previous)) return fail(`refusal changed rows ${JSON.stringify(previous)} → ${JSON.stringify(after)}`);
      return true;
    }),
    { numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  ).catch((error: unknown) => {
    problems.push(String(error).slice(0, 500));
  });
  console.log(`fuzz ${label}: ${tally.cases} cases, ${tally.unexpected} answered with status 500 / unexpected, ${tally.refused} refused with a localized message (nothing stored), ${tally.accepted} accepted`);
  expect(problems).toEqual([]);
  expect(tally.cases).toBeGreaterThanOrEqual(RUNS);
  expect(tally.unexpected).toBe(0);
}

/** The newest requests (the ones refilled for this action) most often, older ones, another tenant's, unknown ids. */
const anyRequestId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.own.slice(-4)) }, fc.constantFrom(...pool.own), fc.constantFrom(...pool.foreign), fc.uuid());
const revision = fc.integer({ min: -1, max: 4 }).map(String);
const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("Bitte erläutern Sie den Zweck.", "Antwort: für die Ausschreibung.", "Mehrzeilig\nmit ß und Ümlauten") }, fc.constant(""), fc.string({ maxLength: 2100 }));

describe("fuzzing the attestation actions", () => {
  it("createAttestationRequestAction (the customer's request form)", { timeout: 600_000 }, async () => {
    const action = await actionOf("app/[tenant]/attestations/new/actions.ts", "createAttestationRequestAction");
    const fields = fc.record(
      {
        certificationIds: fieldValue(fc.constantFrom(...t.certificationIds, ...other.certificationIds)),
        companyName: fieldValue(fc.constantFrom("Müller & Söhne GmbH", "ACME Corp.")),
        purpose: fieldValue(fc.constantFrom("Lieferantenbewertung", "Audit 2027")),
        contractReference: fieldValue(fc.constantFrom("V-1", "")),
        locale: fieldValue(fc.constantFrom("de", "en", "fr")),
        idempotencyKey: fieldValue(fc.oneof(fc.uuid(), fc.constant(randomUUID()))),
        extra: fc.option(hostile, { nil: undefined }),
      },
      { requiredKeys: ["certificationIds", "companyName", "purpose", "contractReference", "locale", "idempotencyKey"] },
    );
    await fuzz("createAttestationRequestAction", (input) => action(t.tenant.slug, IDLE, formOf(input)), () => tokens.customer, fields, "customer");
  });

  const customerSteps = [
    ["withdrawAttestationRequestAction", false],
    ["answerAttestationRequestAction", true],
  ] as const;
  for (const [name, withMessage] of customerSteps) {
    it(`${name} (the customer's ${withMessage ? "answer" : "withdrawal"})`, { timeout: 600_000 }, async () => {
      const action = await actionOf("app/(app)/account/attestations/actions.ts", name);
      await refill(withMessage ? "INFO_REQUESTED" : "SUBMITTED");
      const fields = fc.record({ requestId: fieldValue(anyRequestId()), revision: fieldValue(revision), message: fieldValue(text) });
      await fuzz(name, (input) => action(IDLE, formOf(input)), () => tokens.customer, fields, "customer");
    });
  }

  const reviewerSteps = [
    ["startReviewAction", "SUBMITTED"],
    ["requestInformationAction", "IN_REVIEW"],
    ["approveAction", "IN_REVIEW"],
    ["rejectAction", "INFO_REQUESTED"],
    ["revokeAction", "ISSUED"],
  ] as const;
  for (const [name, state] of reviewerSteps) {
    it(`${name} (the reviewer's decision)`, { timeout: 600_000 }, async () => {
      const action = await actionOf("app/[tenant]/admin/attestations/[requestId]/actions.ts", name);
      await refill(state);
      const fields = fc.record({ requestId: fieldValue(anyRequestId()), revision: fieldValue(revision), message: fieldValue(text) });
      await fuzz(name, (input) => action(t.tenant.slug, IDLE, formOf(input)), () => tokens.reviewer, fields, "tenant");
    });
  }
});
