import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { getDb, closeDb, withTenant } from "../db/client";
import { addMember, auditEvents, createUser, expectAppError, expectDenied, meta, sessionOf, staffTenant, unique, type StaffTenant } from "../members/test-fixtures";
import { issueLetter } from "./letter";
import { authorizeTenantAccess } from "../auth/guard";
import { downloadLetterAsRequester, downloadLetterAsStaff } from "./letter-download";
import { renderLetterPdf, sha256Hex } from "./letter-pdf";
import type { LetterSnapshot } from "./letter-snapshot";
import { findLettersByCode, verifyLetter } from "./verify";

// Issuing, verifying and downloading letters as the running app does (app_user, row-level security
// on), against the run's database. Each test makes its own request; issue "now" is fixed.

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const NOW = new Date("2026-11-28T09:15:00Z");
const client = () => ({ ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

let acme: StaffTenant;
let other: StaffTenant;
let certs: { iso: string; c5: string; expired: string; suspended: string; withdrawn: string };

async function certification(tenantId: string, data: { framework: "ISO_27001" | "BSI_C5" | "TISAX" | "CUSTOM"; label?: string; validUntil: string; suspended?: boolean; withdrawn?: boolean; position: number }) {
  return withTenant(tenantId, async (tx) =>
    (
      await tx.certification.create({
        data: {
          tenantId,
          framework: data.framework,
          label: data.label ?? null,
          certifier: "Prüfstelle Süd GmbH",
          scope: { de: "Betrieb der Plattform in Frankfurt am Main (Rechenzentren Süd und Nord).", en: "Operation of the platform in Frankfurt am Main." },
          certificateNumber: `CERT-${data.position}`,
          issuedAt: new Date("2025-01-15T00:00:00Z"),
          validUntil: new Date(`${data.validUntil}T00:00:00Z`),
          suspended: data.suspended ?? false,
          withdrawn: data.withdrawn ?? false,
          position: data.position,
        },
      })
    ).id,
  );
}

beforeAll(async () => {
  acme = await staffTenant("letter");
  other = await staffTenant("letterother");
  await withTenant(acme.tenant.id, (tx) => tx.tenant.update({ where: { id: acme.tenant.id }, data: { brandColor: "#7c2d12" } }));
  certs = {
    iso: await certification(acme.tenant.id, { framework: "ISO_27001", validUntil: "2028-03-13", position: 0 }),
    c5: await certification(acme.tenant.id, { framework: "BSI_C5", validUntil: "2027-06-30", position: 1 }),
    expired: await certification(acme.tenant.id, { framework: "TISAX", validUntil: "2026-11-27", position: 2 }),
    suspended: await certification(acme.tenant.id, { framework: "CUSTOM", label: "Cloud-Prüfsiegel", validUntil: "2028-01-01", suspended: true, position: 3 }),
    withdrawn: await certification(acme.tenant.id, { framework: "ISO_27001", validUntil: "2028-01-01", withdrawn: true, position: 4 }),
  };
});

/** A customer's request, already APPROVED (the workflow up to there is the request module's). */
async function approvedRequest(certificationIds: string[], state: "APPROVED" | "SUBMITTED" = "APPROVED", locale = "de") {
  const email = `${unique("kundin")}@müller-söhne.example`.toLowerCase();
  const user = await createUser(email, "Jürgen Weiß");
  const request = await withTenant(acme.tenant.id, (tx) =>
    tx.attestationRequest.create({
      data: {
        tenantId: acme.tenant.id,
        userId: user.id,
        requesterEmail: email,
        requesterName: "Jürgen Weiß",
        companyName: "Müller & Söhne Großhandel GmbH",
        purpose: "Lieferantenprüfung",
        locale,
        state,
        idempotencyKey: randomUUID(),
        certifications: { create: certificationIds.map((certificationId) => ({ tenantId: acme.tenant.id, certificationId })) },
      },
    }),
  );
  return { user, requestId: request.id };
}

const issue = (requestId: string, automatic = false, now = NOW) => withTenant(acme.tenant.id, (tx) => issueLetter(tx, { tenantId: acme.tenant.id, requestId, now, automatic }));
const letterOf = (requestId: string) => withTenant(acme.tenant.id, (tx) => tx.attestationLetter.findUnique({ where: { requestId } }));
const requestOf = (requestId: string) => withTenant(acme.tenant.id, (tx) => tx.attestationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { events: true } }));

describe("issueLetter", () => {
  it("stores the snapshot, the PDF's SHA-256 and a code; the request becomes ISSUED with its event and audit", async () => {
    const { requestId } = await approvedRequest([certs.iso, certs.c5]);
    const { letterId, code } = await issue(requestId);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);

    const letter = await letterOf(requestId);
    expect(letter?.id).toBe(letterId);
    expect(letter?.code).toBe(code);
    expect(letter?.issuedAt.toISOString()).toBe(NOW.toISOString());
    // The earlier of the first certificate expiry (C5: 2027-06-30) and 12 months (2027-11-28).
    expect(letter?.validUntil.toISOString().slice(0, 10)).toBe("2027-06-30");
    const snapshot = letter!.snapshot as unknown as LetterSnapshot;
    expect(snapshot).toMatchObject({
      layout: 1,
      code,
      locale: "de",
      issueDay: "2026-11-28",
      validUntil: "2027-06-30",
      automatic: false,
      tenant: { id: acme.tenant.id, name: acme.tenant.name, brandColor: "#7c2d12" },
      recipient: { name: "Jürgen Weiß", company: "Müller & Söhne Großhandel GmbH" },
    });
    expect(snapshot.verificationUrl).toMatch(new RegExp(`/verify/${code}$`));
    expect(snapshot.certifications.map((c) => [c.name, c.certifier, c.certificateNumber, c.validUntil])).toEqual([
      ["ISO/IEC 27001", "Prüfstelle Süd GmbH", "CERT-0", "2028-03-13"],
      ["BSI C5", "Prüfstelle Süd GmbH", "CERT-1", "2027-06-30"],
    ]);
    expect(snapshot.text.validUntil).toBe("30. Juni 2027");
    // Rendered again from the stored snapshot: the same bytes as issued.
    expect(sha256Hex(await renderLetterPdf(snapshot))).toBe(letter?.sha256);

    const request = await requestOf(requestId);
    expect(request.state).toBe("ISSUED");
    expect(request.events.map((e) => [e.fromState, e.toState, e.automatic])).toEqual([["APPROVED", "ISSUED", false]]);
    const audit = (await auditEvents(acme.tenant.id)).filter((e) => e.targetId === requestId);
    expect(audit.map((e) => e.action)).toEqual(["attestation.issued"]);
  });

  it("records an automatic issue as automatic", async () => {
    const { requestId } = await approvedRequest([certs.iso], "APPROVED", "en");
    await issue(requestId, true);
    const snapshot = (await letterOf(requestId))!.snapshot as unknown as LetterSnapshot;
    expect(snapshot.automatic).toBe(true);
    expect(snapshot.locale).toBe("en");
    expect(snapshot.validUntil).toBe("2027-11-28");
    expect(snapshot.text.issuance).toBe(`Issued automatically under the approval rules of ${acme.tenant.name}.`);
    expect((await requestOf(requestId)).events.map((e) => e.automatic)).toEqual([true]);
  });

  it.each([
    ["expired", "expired"],
    ["suspended", "suspended"],
    ["withdrawn", "withdrawn"],
  ] as const)("refuses a %s certification and writes nothing", async (which, standing) => {
    const { requestId } = await approvedRequest([certs.iso, certs[which]]);
    const error = await expectAppError(() => issue(requestId), "conflict", "certificationNotValid");
    expect(error.details).toMatchObject({ certificationId: certs[which], standing });
    expect(await letterOf(requestId)).toBeNull();
    const request = await requestOf(requestId);
    expect(request.state).toBe("APPROVED");
    expect(request.events).toHaveLength(0);
  });

  it("issues only from APPROVED, and only once", async () => {
    const submitted = await approvedRequest([certs.iso], "SUBMITTED");
    await expectAppError(() => issue(submitted.requestId), "conflict", "illegalTransition");
    expect(await letterOf(submitted.requestId)).toBeNull();

    const { requestId } = await approvedRequest([certs.iso]);
    await issue(requestId);
    await expectAppError(() => issue(requestId), "conflict", "illegalTransition");
    expect((await requestOf(requestId)).events).toHaveLength(1);
  });
});

describe("verifyLetter (/verify/{code})", () => {
  const publicKeys = ["certifications", "code", "issueDate", "issuedAt", "issuer", "locale", "recipient", "revokedAt", "sha256", "status", "validUntil"];

  it("valid: issuer, company, certifications and dates, nothing personal", async () => {
    const { requestId, user } = await approvedRequest([certs.iso, certs.c5]);
    const { code } = await issue(requestId);
    const result = await verifyLetter(code.toLowerCase().replaceAll("-", " "), client(), new Date("2026-12-01T10:00:00Z"));
    // As typed into the URL: still percent-encoded.
    expect((await verifyLetter(encodeURIComponent(code.toLowerCase().replaceAll("-", " ")), client()))?.code).toBe(code);
    console.log(`verify valid: ${JSON.stringify(result)}`);
    expect(Object.keys(result!).sort()).toEqual(publicKeys);
    expect(result).toMatchObject({
      code,
      status: "valid",
      issuer: { name: acme.tenant.name },
      recipient: { company: "Müller & Söhne Großhandel GmbH" },
      issueDate: "2026-11-28",
      validUntil: "2027-06-30",
      revokedAt: null,
    });
    expect(result!.certifications.map((c) => c.name)).toEqual(["ISO/IEC 27001", "BSI C5"]);
    expect(Object.keys(result!.recipient)).toEqual(["company"]);
    const json = JSON.stringify(result);
    expect(json).not.toContain("Jürgen");
    expect(json).not.toContain(user.email);
    expect(json).not.toContain("@");
  });

  it("expired: the day after valid-until (in the tenant's time zone)", async () => {
    const { requestId } = await approvedRequest([certs.c5]);
    const { code } = await issue(requestId);
    // 2027-06-30 ends at 22:00 UTC in Berlin (summer time).
    expect((await verifyLetter(code, client(), new Date("2027-06-30T21:59:00Z")))?.status).toBe("valid");
    const result = await verifyLetter(code, client(), new Date("2027-06-30T22:00:00Z"));
    console.log(`verify expired: ${JSON.stringify({ status: result?.status, validUntil: result?.validUntil })}`);
    expect(result?.status).toBe("expired");
  });

  it("revoked: with the revocation date, never the reason", async () => {
    const { requestId } = await approvedRequest([certs.iso]);
    const { code } = await issue(requestId);
    const revokedAt = new Date("2026-12-03T08:00:00Z");
    const reason = "Vertrag mit Müller & Söhne gekündigt (vertraulich)";
    await withTenant(acme.tenant.id, (tx) => tx.attestationLetter.update({ where: { requestId }, data: { revokedAt, revokedReason: reason } }));
    const result = await verifyLetter(code, client(), new Date("2026-12-04T10:00:00Z"));
    console.log(`verify revoked: ${JSON.stringify({ status: result?.status, revokedAt: result?.revokedAt })}`);
    expect(result?.status).toBe("revoked");
    expect(result?.revokedAt).toBe(revokedAt.toISOString());
    expect(JSON.stringify(result)).not.toContain("gekündigt");
  });

  it("unknown and malformed codes: null alike", async () => {
    const unknown = await verifyLetter("00000-00000-00000-00000", client());
    const malformed = await verifyLetter("nicht-ein-code'; --", client());
    console.log(`verify unknown: ${JSON.stringify(unknown)} malformed: ${JSON.stringify(malformed)}`);
    expect(unknown).toBeNull();
    expect(malformed).toBeNull();
  });

  it("is rate-limited per address (60 a minute)", async () => {
    const address = { ip: "192.0.2.77" };
    for (let i = 0; i < 60; i++) await verifyLetter("00000-00000-00000-00000", address);
    await expectAppError(() => verifyLetter("00000-00000-00000-00000", address), "rateLimited");
    expect(await verifyLetter("00000-00000-00000-00000", { ip: "192.0.2.78" })).toBeNull();
  });

  it("row-level security: the code setting shows exactly that letter, no other", async () => {
    const first = await issue((await approvedRequest([certs.iso])).requestId);
    await issue((await approvedRequest([certs.iso])).requestId);
    expect(await findLettersByCode(first.code)).toHaveLength(1);
    const db = await getDb();
    const visible = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.verify_code', ${first.code}, true), set_config('role', 'app_user', true)`;
      return tx.$queryRaw<Array<{ code: string }>>`SELECT code FROM attestation_letters`;
    });
    expect(visible.map((row) => row.code)).toEqual([first.code]);
    const none = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'app_user', true)`;
      return tx.$queryRaw<Array<{ count: bigint }>>`SELECT count(*) AS count FROM attestation_letters`;
    });
    expect(Number(none[0]?.count)).toBe(0);
  });
});

describe("letter download", () => {
  it("the requester gets the issued PDF (same SHA-256), audited; another customer gets not found", async () => {
    const { requestId, user } = await approvedRequest([certs.iso]);
    await issue(requestId);
    const letter = await letterOf(requestId);
    const file = (await downloadLetterAsRequester({ id: user.id, email: user.email }, requestId, meta))!;
    expect(file.sha256).toBe(letter?.sha256);
    expect(sha256Hex(file.pdf)).toBe(letter?.sha256);
    expect(file.filename).toBe(`${acme.tenant.slug}-attestation-${letter?.code}.pdf`);

    const stranger = await createUser(`${unique("fremd")}@example.com`);
    // Someone else's request, an unknown id, a malformed one, a request without a letter: alike absent (404).
    expect(await downloadLetterAsRequester({ id: stranger.id, email: stranger.email }, requestId, meta)).toBeNull();
    expect(await downloadLetterAsRequester({ id: user.id, email: user.email }, randomUUID(), meta)).toBeNull();
    expect(await downloadLetterAsRequester({ id: user.id, email: user.email }, "../x", meta)).toBeNull();
    const pending = await approvedRequest([certs.iso]);
    expect(await downloadLetterAsRequester({ id: pending.user.id, email: pending.user.email }, pending.requestId, meta)).toBeNull();

    const audit = (await auditEvents(acme.tenant.id)).filter((e) => e.action === "attestation.letter_downloaded" && e.targetId === requestId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, ip: meta.ip, data: { letterId: letter?.id, via: "requester" } });
  });

  it("reviewers, owners and admins of the tenant may download; editors may not; another tenant's staff get not found", async () => {
    const { requestId } = await approvedRequest([certs.iso]);
    await issue(requestId);
    const reviewer = await addMember(acme.tenant.id, `${unique("reviewer")}@example.com`, ["SECURITY_REVIEWER"]);
    const admin = await addMember(acme.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const editor = await addMember(acme.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    const mfa = async (userId: string) => ({ ...(await sessionOf(userId)), mfa: true });

    for (const member of [reviewer, admin, acme.owner]) {
      const access = authorizeTenantAccess(await mfa(member.id), acme.tenant, "attestations.letters");
      const file = await downloadLetterAsStaff(access, requestId, meta);
      expect(file.sha256).toBe((await letterOf(requestId))?.sha256);
    }
    await expectDenied(async () => authorizeTenantAccess(await mfa(editor.id), acme.tenant, "attestations.letters"));
    await expectDenied(async () => authorizeTenantAccess(await mfa(other.owner.id), acme.tenant, "attestations.letters"));
    // Another tenant's owner, in their own console, asking for this tenant's request id.
    const otherAccess = authorizeTenantAccess(await mfa(other.owner.id), other.tenant, "attestations.letters");
    await expectAppError(() => downloadLetterAsStaff(otherAccess, requestId, meta), "notFound");

    const audit = (await auditEvents(acme.tenant.id)).filter((e) => e.action === "attestation.letter_downloaded" && e.targetId === requestId);
    expect(audit.map((e) => [e.actorId, (e.data as { via: string }).via])).toEqual([
      [reviewer.id, "staff"],
      [admin.id, "staff"],
      [acme.owner.id, "staff"],
    ]);
    expect((await auditEvents(other.tenant.id)).filter((e) => e.action === "attestation.letter_downloaded")).toHaveLength(0);
  });
});

describe("the demo seed's letter", () => {
  it("was issued through issueLetter to Müller & Söhne and verifies as valid", async () => {
    const db = await getDb();
    const mpmx = await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" }, select: { id: true } });
    const letter = await withTenant(mpmx.id, (tx) => tx.attestationLetter.findFirst({ where: { request: { requesterEmail: "einkauf@example.com" } }, include: { request: { select: { state: true } } } }));
    expect(letter?.request.state).toBe("ISSUED");
    const snapshot = letter!.snapshot as unknown as LetterSnapshot;
    expect(snapshot.recipient).toEqual({ name: "Jürgen Weiß", email: "einkauf@example.com", company: "Müller & Söhne Großhandel GmbH" });
    expect(sha256Hex(await renderLetterPdf(snapshot))).toBe(letter?.sha256);
    expect((await verifyLetter(letter!.code, client()))?.status).toBe("valid");
  });
});
