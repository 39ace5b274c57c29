// Fuzzing the NDA click-through (part of the attestation workflow) and the attestation settings forms
// with fast-check (1,000 cases each on PostgreSQL, 200 on PGlite; FUZZ_RUNS overrides), as Next calls their server actions:
// 0 exceptions (500s), every refusal a German catalog text with nothing stored, the other tenant
// untouched. See server/certifications/fuzz-harness.ts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

import { saveAttestationSettingsAction, saveNdaAction } from "@/app/[tenant]/admin/attestations/settings/actions";
import { acceptNdaAction } from "@/app/[tenant]/attestations/nda/actions";
import { IDLE } from "@/lib/forms";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb } from "@/server/db/client";
import { catalogPatterns, fieldValue, formOf, fuzzAction, RUNS, type Fields } from "@/server/testing/fuzz-harness";
import { createUser, meta, staffTenant, unique, type StaffTenant } from "@/server/members/test-fixtures";
import { connectTestDatabase } from "@/server/testing/database";
import { publishNdaVersion } from "./versions";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const CATALOG = catalogPatterns(["nda"]);
let t: StaffTenant;
let other: StaffTenant;
let cookies: { owner: Record<string, string>; customer: Record<string, string> };

beforeAll(async () => {
  [t, other] = await Promise.all([staffTenant("fuzz-nda"), staffTenant("fuzz-nda-other")]);
  await publishNdaVersion({ tenant: t.tenant, actor: t.owner, text: { de: "Vertraulich.", en: "Confidential." }, meta });
  const customer = await createUser(`${unique("kunde")}@example.com`);
  const db = await getDb();
  const session = async (userId: string, staff: boolean) =>
    (await db.$transaction((tx) => createSession(tx, { userId, method: staff ? "PASSWORD" : "MAGIC_LINK", mfa: staff, kind: staff ? "staff" : "customer", ip: null, userAgent: null }))).token;
  cookies = { owner: { [sessionCookieName()]: await session(t.owner.id, true) }, customer: { [sessionCookieName()]: await session(customer.id, false) } };
});

const common = (who: "owner" | "customer") => ({ catalog: CATALOG, cookie: () => cookies[who], tenants: { own: t.tenant.id, other: other.tenant.id } });
const bound = (action: (slug: string, state: typeof IDLE, form: FormData) => Promise<unknown>) => (fields: Fields) => action(t.tenant.slug, IDLE, formOf(fields));

describe(`fuzzing the NDA and attestation settings forms (${RUNS} cases each)`, () => {
  it("acceptNdaAction", { timeout: 600_000 }, async () => {
    const plausible = fc.record({ versionNumber: fc.constant("1"), companyName: fc.constantFrom("Kunde GmbH", "Müller & Söhne KG", " "), accept: fc.constantFrom("on", undefined) }) as fc.Arbitrary<Fields>;
    const random = fc.record({
      versionNumber: fieldValue(fc.constantFrom("1", "2", "0", "1.5")),
      companyName: fieldValue(fc.constantFrom("Kunde GmbH", "", "Müller & Söhne KG")),
      accept: fieldValue(fc.constantFrom("on", "off")),
    }) as fc.Arbitrary<Fields>;
    const fields = fc.oneof(plausible, random);
    await fuzzAction({ label: "acceptNdaAction", run: bound(acceptNdaAction), fields, ...common("customer") });
  });

  it("saveNdaAction", { timeout: 600_000 }, async () => {
    const plausible = fc.record({ textDe: fc.constantFrom("Vertraulich.", "Neu: vertraulich."), textEn: fc.constantFrom("Confidential.", "New."), intent: fc.constantFrom("publish", "correct"), number: fc.integer({ min: 1, max: 4 }).map(String) }) as fc.Arbitrary<Fields>;
    const fields = fc.oneof(plausible, fc.record({
      textDe: fieldValue(fc.constantFrom("Vertraulich.", "Neu: vertraulich.", "")),
      textEn: fieldValue(fc.constantFrom("Confidential.", "New: confidential.", "")),
      intent: fieldValue(fc.constantFrom("publish", "correct", "delete")),
      number: fieldValue(fc.integer({ min: 0, max: 4 }).map(String)),
    }) as fc.Arbitrary<Fields>);
    await fuzzAction({ label: "saveNdaAction", run: bound(saveNdaAction), fields, ...common("owner") });
  });

  it("saveAttestationSettingsAction", { timeout: 600_000 }, async () => {
    const fields = fc.record({
      ndaEnabled: fieldValue(fc.constantFrom("on", "")),
      openRequestLimit: fieldValue(fc.integer({ min: -1, max: 120 }).map(String)),
      autoApproveDomains: fieldValue(fc.constantFrom("", "partner.example", "partner.example\ngmail.com", "kunde@firma.example, firma2.example", "not a domain", "xn--mller-kva.example")),
      reviewReminderHours: fieldValue(fc.integer({ min: 0, max: 800 }).map(String)),
    });
    await fuzzAction({ label: "saveAttestationSettingsAction", run: bound(saveAttestationSettingsAction), fields, ...common("owner") });
  });
});
