// Fuzzing the certification forms with fast-check (1,000 cases each on PostgreSQL, 200 on PGlite: server/testing/fuzz-runs.ts; FUZZ_RUNS overrides), as Next
// calls their server actions with an admin's session: 0 exceptions (500s), every refusal a German
// catalog text with nothing stored, the other tenant untouched. See fuzz-harness.ts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

import { createCertificationAction, removeCertificateAction, updateCertificationAction, uploadCertificateAction } from "@/app/[tenant]/admin/certifications/actions";
import { IDLE } from "@/lib/forms";
import { CERTIFICATION_FRAMEWORKS } from "@/lib/validation/certifications";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb } from "@/server/db/client";
import { staffTenant, type StaffTenant } from "@/server/members/test-fixtures";
import { connectTestDatabase } from "@/server/testing/database";
import { catalogPatterns, fieldValue, formOf, fuzzAction, hostile, RUNS, type Fields } from "@/server/testing/fuzz-harness";
import { addCertification, samplePdf } from "./test-fixtures";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const CATALOG = catalogPatterns(["certifications"]);
let t: StaffTenant;
let other: StaffTenant;
let cookie: Record<string, string>;
let ids: { own: string[]; foreign: string };

beforeAll(async () => {
  [t, other] = await Promise.all([staffTenant("fuzz-cert"), staffTenant("fuzz-cert-other")]);
  const db = await getDb();
  const { token } = await db.$transaction((tx) => createSession(tx, { userId: t.owner.id, method: "PASSWORD", mfa: true, kind: "staff", ip: null, userAgent: null }));
  cookie = { [sessionCookieName()]: token };
  ids = { own: [await addCertification(t), await addCertification(t, { framework: "BSI_C5" })], foreign: await addCertification(other) };
});

const day = fc.date({ min: new Date("1985-01-01"), max: new Date("2210-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const certificationFields = {
  framework: fieldValue(fc.constantFrom(...CERTIFICATION_FRAMEWORKS, "ISO_9001", "custom")),
  label: fieldValue(fc.constantFrom("", "PCI DSS v4.0", "Ä".repeat(121))),
  certifier: fieldValue(fc.constantFrom("Nordcert GmbH", "", "TÜV Süd")),
  certificateNumber: fieldValue(fc.constantFrom("", "ISMS-1", "x".repeat(101))),
  issuedAt: fieldValue(day),
  validUntil: fieldValue(day),
  suspended: fieldValue(fc.constantFrom("on", "off", "true")),
  withdrawn: fieldValue(fc.constantFrom("on", "")),
  scopeDe: fieldValue(fc.constantFrom("Betrieb", "", "a\nb")),
  scopeEn: fieldValue(fc.constantFrom("Operation", "")),
  summaryDe: fieldValue(fc.constantFrom("", "Zusammenfassung")),
  summaryEn: fieldValue(fc.constantFrom("", "Summary")),
};
/** A form a person would send (valid, or with one mistake), besides the fully random ones. */
const plausibleCertification = fc
  .record({
    framework: fc.constantFrom(...CERTIFICATION_FRAMEWORKS),
    label: fc.constantFrom("", "PCI DSS v4.0"),
    certifier: fc.constantFrom("Nordcert GmbH", "TÜV Süd"),
    certificateNumber: fc.constantFrom("", "ISMS-1"),
    issuedAt: day,
    years: fc.integer({ min: -1, max: 5 }),
    suspended: fc.constantFrom("on", undefined),
    scopeDe: fc.constantFrom("Betrieb", ""),
    scopeEn: fc.constantFrom("Operation", ""),
  })
  .map(({ years, ...fields }) => ({ ...fields, validUntil: `${Number(fields.issuedAt.slice(0, 4)) + years}${fields.issuedAt.slice(4)}` }) as Fields);
const anyCertification = fc.oneof(plausibleCertification, fc.record(certificationFields) as fc.Arbitrary<Fields>);
const anyId = () => fieldValue(fc.oneof(fc.constantFrom(...ids.own), fc.constant(ids.foreign), fc.uuid()));
const run = (action: (slug: string, state: typeof IDLE, form: FormData) => Promise<unknown>) => (fields: Fields) => action(t.tenant.slug, IDLE, formOf(fields));
const common = () => ({ catalog: CATALOG, cookie: () => cookie, tenants: { own: t.tenant.id, other: other.tenant.id } });

describe(`fuzzing the certification forms (${RUNS} cases each)`, () => {
  it("createCertificationAction", { timeout: 600_000 }, async () => {
    await fuzzAction({ label: "createCertificationAction", run: run(createCertificationAction), fields: anyCertification, ...common() });
  });

  it("updateCertificationAction", { timeout: 600_000 }, async () => {
    await fuzzAction({ label: "updateCertificationAction", run: run(updateCertificationAction), fields: fc.tuple(anyCertification, anyId()).map(([fields, certificationId]) => ({ ...fields, certificationId })), ...common() });
  });

  it("uploadCertificateAction and removeCertificateAction", { timeout: 600_000 }, async () => {
    const pdf = Buffer.from(await samplePdf(1));
    const file = fc.oneof(
      fc.constant(new File([pdf], "c.pdf")),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([Buffer.from(bytes)], "x.pdf")),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(bytes)])], "y.pdf")),
      hostile,
      fc.constant(undefined),
    );
    await fuzzAction({
      label: "uploadCertificateAction",
      run: async (fields) => {
        const form = formOf({ certificationId: fields.certificationId });
        const certificate = (fields as Record<string, unknown>).certificate;
        if (certificate !== undefined) form.append("certificate", certificate as File | string);
        return uploadCertificateAction(t.tenant.slug, IDLE, form);
      },
      fields: fc.record({ certificationId: anyId(), certificate: file as unknown as fc.Arbitrary<string> }),
      ...common(),
    });
    await fuzzAction({ label: "removeCertificateAction", run: (fields) => removeCertificateAction(t.tenant.slug, formOf(fields)), fields: fc.record({ certificationId: anyId() }), ...common() });
  });
});
