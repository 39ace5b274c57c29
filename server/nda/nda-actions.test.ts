import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The NDA click-through and the settings form as Next calls their server actions: the request's
// session cookie, address and browser are what the acceptance records.

vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

import { saveAttestationSettingsAction, saveNdaAction } from "@/app/[tenant]/admin/attestations/settings/actions";
import { acceptNdaAction } from "@/app/[tenant]/attestations/nda/actions";
import { IDLE } from "@/lib/forms";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb, withTenant } from "@/server/db/client";
import { createUser, meta, staffTenant, unique, type StaffTenant } from "@/server/members/test-fixtures";
import { connectTestDatabase } from "@/server/testing/database";
import { beginRequest } from "@/server/testing/request-scope";
import { loadAttestationSettings } from "./attestation-settings";
import { publishNdaVersion } from "./versions";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

let t: StaffTenant;
beforeAll(async () => {
  t = await staffTenant("nda-actions");
  await publishNdaVersion({ tenant: t.tenant, actor: t.owner, text: { de: "Vertraulich.", en: "Confidential." }, meta });
});

async function cookieFor(userId: string, staff: boolean) {
  const db = await getDb();
  const { token } = await db.$transaction((tx) => createSession(tx, { userId, method: staff ? "PASSWORD" : "MAGIC_LINK", mfa: staff, kind: staff ? "staff" : "customer", ip: null, userAgent: null }));
  return { [sessionCookieName()]: token };
}

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

describe("acceptNdaAction", () => {
  it("asks for the tick and the company at their fields and records nothing; then records the request's address and browser", async () => {
    const customer = await createUser(`${unique("kunde")}@example.com`);
    const cookies = await cookieFor(customer.id, false);
    const count = () => withTenant(t.tenant.id, (tx) => tx.ndaAcceptance.count({ where: { userId: customer.id } }));

    beginRequest({ cookies, locale: "de" });
    expect(await acceptNdaAction(t.tenant.slug, IDLE, formOf({ versionNumber: "1", companyName: " " }))).toEqual({
      status: "error",
      values: { versionNumber: "1", companyName: " " },
      fieldErrors: { companyName: ["Bitte füllen Sie dieses Feld aus."], accept: ["Bitte bestätigen Sie, dass Sie die NDA akzeptieren."] },
    });
    expect(await count()).toBe(0);

    beginRequest({ cookies, locale: "en" });
    const stale = await acceptNdaAction(t.tenant.slug, IDLE, formOf({ versionNumber: "7", companyName: "Kunde AG", accept: "on" }));
    expect(stale).toMatchObject({ status: "error", message: `${t.tenant.name} has just published a new version of its NDA. Please read the new text and accept it.` });
    expect(await count()).toBe(0);

    const request = beginRequest({ cookies, locale: "en", headers: { "x-forwarded-for": "198.51.100.23", "user-agent": "Mozilla/5.0 (NDA test)" } });
    const redirect = await acceptNdaAction(t.tenant.slug, IDLE, formOf({ versionNumber: "1", companyName: "Kunde AG", accept: "on" })).catch((e: unknown) => e);
    expect(String((redirect as { digest?: string }).digest)).toContain(`/${t.tenant.slug}/attestations/new`);
    void request;
    const row = await withTenant(t.tenant.id, (tx) => tx.ndaAcceptance.findFirstOrThrow({ where: { userId: customer.id } }));
    expect(row).toMatchObject({ companyName: "Kunde AG", ip: "198.51.100.23", userAgent: "Mozilla/5.0 (NDA test)", locale: "en" });
  });

  it("sends a signed-out visitor to sign in and records nothing", async () => {
    beginRequest({ locale: "en" });
    const answer = await acceptNdaAction(t.tenant.slug, IDLE, formOf({ versionNumber: "1", companyName: "X", accept: "on" })).catch((e: unknown) => e);
    expect(String((answer as { digest?: string }).digest)).toContain("/signin?next=");
  });
});

describe("the settings actions", () => {
  it("answer free-mail domains and bad numbers at their fields, keep the input, and save a valid form", async () => {
    const cookies = await cookieFor(t.owner.id, true);
    beginRequest({ cookies, locale: "en" });
    const fields = { ndaEnabled: "on", openRequestLimit: "0", autoApproveDomains: "partner.example\nyahoo.de", reviewReminderHours: "12" };
    expect(await saveAttestationSettingsAction(t.tenant.slug, IDLE, formOf(fields))).toEqual({
      status: "error",
      values: fields,
      fieldErrors: {
        openRequestLimit: ["Please enter a whole number from 1 to 100."],
        autoApproveDomains: ["yahoo.de is a free-mail domain: anyone can have an address there, so it cannot approve requests automatically."],
      },
    });
    expect((await loadAttestationSettings(t.tenant.id)).openRequestLimit).toBe(5);
    beginRequest({ cookies, locale: "en" });
    expect(await saveAttestationSettingsAction(t.tenant.slug, IDLE, formOf({ ...fields, openRequestLimit: "2", autoApproveDomains: "partner.example" }))).toEqual({ status: "success", message: "Settings saved." });
    expect(await loadAttestationSettings(t.tenant.id)).toEqual({ ndaEnabled: true, openRequestLimit: 2, autoApproveDomains: ["partner.example"], reviewReminderHours: 12 });
  });

  it("refuses to correct an accepted NDA version with a clear message, and publishes the text as the next version instead", async () => {
    const cookies = await cookieFor(t.owner.id, true);
    beginRequest({ cookies, locale: "en" });
    const fields = { textDe: "Neu.", textEn: "New.", intent: "correct", number: "1" };
    expect(await saveNdaAction(t.tenant.slug, IDLE, formOf(fields))).toEqual({
      status: "error",
      values: fields,
      message: "This version has been accepted in the meantime and is locked. Publish your text as a new version instead.",
    });
    beginRequest({ cookies, locale: "en" });
    expect(await saveNdaAction(t.tenant.slug, IDLE, formOf({ ...fields, intent: "publish" }))).toEqual({ status: "success", message: "Version 2 published. Customers accept it before their next request." });
  });
});
