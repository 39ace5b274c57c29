import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { createAttestationRequestSchema, parseQueueFilter, requestActionSchema, requestMessageSchema } from "./attestation-requests";

const CERT_A = "6f1c2a8e-4b7d-4c1e-9a2b-1d3e5f7a9b0c";
const CERT_B = "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d";
const KEY = "2c5d8e1f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const valid = { certificationIds: [CERT_A, CERT_B, CERT_A], companyName: "  Müller & Söhne GmbH ", purpose: "Audit\r\n2027", contractReference: " ", locale: "de", idempotencyKey: KEY };

describe("the request form", () => {
  it("reads a valid form: distinct certifications, trimmed text, no empty contract reference, the form's idempotency key", () => {
    expect(parseForm(createAttestationRequestSchema, form(valid))).toEqual({
      ok: true,
      data: { certificationIds: [CERT_A, CERT_B], companyName: "Müller & Söhne GmbH", purpose: "Audit\n2027", contractReference: undefined, locale: "de", idempotencyKey: KEY },
    });
  });

  it("refuses a form without the key it was rendered with (so a replay cannot make a second request)", () => {
    const withoutKey = Object.fromEntries(Object.entries(valid).filter(([name]) => name !== "idempotencyKey"));
    expect(parseForm(createAttestationRequestSchema, form(withoutKey))).toEqual({ ok: false, fieldErrors: { idempotencyKey: ["idempotencyKey"] } });
    expect(parseForm(createAttestationRequestSchema, form({ ...valid, idempotencyKey: [KEY, KEY] }))).toEqual({ ok: false, fieldErrors: { idempotencyKey: ["idempotencyKey"] } });
    expect(parseForm(createAttestationRequestSchema, form({ ...valid, idempotencyKey: "not-a-key" }))).toEqual({ ok: false, fieldErrors: { idempotencyKey: ["idempotencyKey"] } });
  });

  it("answers each bad field with a message key", () => {
    const result = parseForm(createAttestationRequestSchema, form({ companyName: "A\u0007B", purpose: "x".repeat(1001), locale: "fr", idempotencyKey: KEY, contractReference: "y".repeat(101) }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { certificationIds: ["certifications"], companyName: ["invalidCharacters"], purpose: ["tooLong:1000"], contractReference: ["tooLong:100"], locale: ["required"] },
    });
    expect(parseForm(createAttestationRequestSchema, form({ ...valid, certificationIds: "all", purpose: "ok\u0000" }))).toEqual({ ok: false, fieldErrors: { certificationIds: ["certifications"], purpose: ["invalidCharacters"] } });
  });
});

describe("the decision forms", () => {
  it("need the request and the revision the page showed, as digits", () => {
    expect(parseForm(requestActionSchema, form({ requestId: KEY, revision: "3" }))).toEqual({ ok: true, data: { requestId: KEY, revision: 3 } });
    for (const revision of ["", " ", "-1", "1.5", "1e3", "12345678", "0x1"]) {
      expect(parseForm(requestActionSchema, form({ requestId: KEY, revision })), JSON.stringify(revision)).toEqual({ ok: false, fieldErrors: { revision: ["revision"] } });
    }
    expect(parseForm(requestActionSchema, form({ requestId: "1", revision: "0" }))).toEqual({ ok: false, fieldErrors: { requestId: ["notFound"] } });
  });

  it("need a message where the step carries one", () => {
    expect(parseForm(requestMessageSchema, form({ requestId: KEY, revision: "0", message: " \n " }))).toEqual({ ok: false, fieldErrors: { message: ["required"] } });
    expect(parseForm(requestMessageSchema, form({ requestId: KEY, revision: "0", message: "Warum?\n\tBitte." }))).toEqual({ ok: true, data: { requestId: KEY, revision: 0, message: "Warum?\n\tBitte." } });
  });
});

describe("the queue filter", () => {
  it("falls back to the default view for anything unknown", () => {
    expect(parseQueueFilter({})).toEqual({ state: "open", age: "all", certification: null });
    expect(parseQueueFilter({ state: "REJECTED", age: "week", certification: CERT_A })).toEqual({ state: "REJECTED", age: "week", certification: CERT_A });
    expect(parseQueueFilter({ state: ["DROP TABLE", "x"], age: "century", certification: "x" })).toEqual({ state: "open", age: "all", certification: null });
  });
});
