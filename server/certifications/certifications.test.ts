import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The console's certifications as the running app does them (app_user, row-level security on):
// create and edit with their audit events and watch messages, the certificate upload through its
// server action, who may download it (watermarked), the daily expiry task, tenant isolation.

vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
// Outside a Next server there is no cache to revalidate: the calls are recorded instead.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(`path ${path}`), revalidateTag: (tag: string) => void revalidated.push(`tag ${tag}`) }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

import { createCertificationAction, updateCertificationAction, uploadCertificateAction } from "@/app/[tenant]/admin/certifications/actions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { IDLE } from "@/lib/forms";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb, withTenant } from "@/server/db/client";
import { auditActions, auditEvents, createUser, expectAppError, staffTenant, type StaffTenant } from "@/server/members/test-fixtures";
import { connectTestDatabase } from "@/server/testing/database";
import { beginRequest } from "@/server/testing/request-scope";
import { authorizeCertificateDownload, downloadCertificate } from "./download";
import { enqueueExpiringCertifications } from "./watch-notify";
import { createCertification, removeCertificateFile, storeCertificateFile, updateCertification } from "./mutations";
import { enqueueCertificationChanged, WATCH_SELECT } from "./watch";
import { addCertification, attestationRequest, certificationInput, meta, outboxMessages, samplePdf, sessionFor, staffMember, unique } from "./test-fixtures";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

let own: StaffTenant;
let other: StaffTenant;
beforeAll(async () => {
  [own, other] = await Promise.all([staffTenant("cert"), staffTenant("cert-other")]);
});

const fileCount = (tenantId: string, certificationId: string) => withTenant(tenantId, (tx) => tx.certificateFile.count({ where: { certificationId } }));

describe("create and edit", () => {
  it("creates a certification with its audit event and one 'added' message", async () => {
    const id = await addCertification(own, { framework: "CUSTOM", label: "PCI DSS v4.0" });
    const row = await withTenant(own.tenant.id, (tx) => tx.certification.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ framework: "CUSTOM", label: "PCI DSS v4.0", certifier: "Prüfgesellschaft Nord GmbH", suspended: false, withdrawn: false, scope: { de: "Betrieb der Plattform", en: "Operation of the platform" } });
    expect(row.validUntil.toISOString().slice(0, 10)).toBe("2028-01-09");
    const events = (await auditEvents(own.tenant.id)).filter((e) => e.targetId === id);
    expect(events.map((e) => e.action)).toEqual(["certification.created"]);
    expect(events[0]).toMatchObject({ actorId: own.owner.id, targetType: "certification", ip: meta.ip });
    const messages = (await outboxMessages(own.tenant.id, "certification.changed")).filter((m) => (m.payload as { certificationId: string }).certificationId === id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload).toEqual({ certificationId: id, framework: "CUSTOM", label: "PCI DSS v4.0", changes: ["added"], validUntil: "2028-01-09" });
  });

  it("announces a renewal, a scope change and a suspension, and nothing for a cosmetic or repeated edit", async () => {
    const t = await staffTenant("cert-edit");
    const id = await addCertification(t);
    const changed = async () => (await outboxMessages(t.tenant.id, "certification.changed")).map((m) => m.payload as { changes: string[]; validUntil: string; previousValidUntil?: string });
    const edit = (overrides: Record<string, string>) => updateCertification({ tenant: t.tenant, actor: t.owner, certificationId: id, data: certificationInput(overrides), meta });

    expect(await edit({ validUntil: "2029-01-09" })).toEqual({ changed: true });
    expect(await edit({ validUntil: "2029-01-09" })).toEqual({ changed: false });
    expect(await edit({ validUntil: "2029-01-09", certifier: "Andere Stelle AG" })).toEqual({ changed: true });
    await edit({ validUntil: "2029-01-09", certifier: "Andere Stelle AG", scopeEn: "Operation and support of the platform" });
    await edit({ validUntil: "2029-01-09", certifier: "Andere Stelle AG", scopeEn: "Operation and support of the platform", suspended: "on" });
    await edit({ validUntil: "2029-01-09", certifier: "Andere Stelle AG", scopeEn: "Operation and support of the platform" });
    await edit({ validUntil: "2029-01-09", certifier: "Andere Stelle AG", scopeEn: "Operation and support of the platform", suspended: "on" });

    expect((await changed()).map((p) => p.changes)).toEqual([["added"], ["renewed"], ["scope"], ["suspended"], ["reinstated"], ["suspended"]]);
    expect((await changed())[1]).toMatchObject({ validUntil: "2029-01-09", previousValidUntil: "2028-01-09" });
    expect((await auditActions(t.tenant.id)).filter((a) => a.startsWith("certification."))).toEqual(["certification.created", ...Array(6).fill("certification.updated")]);
  });

  it("writes the same change twice as one message (dedupe key)", async () => {
    const t = await staffTenant("cert-dedupe");
    const id = await addCertification(t);
    const written = await withTenant(t.tenant.id, async (tx) => {
      const before = await tx.certification.findUniqueOrThrow({ where: { id }, select: WATCH_SELECT });
      const after = { ...before, validUntil: new Date("2030-01-01T00:00:00Z"), updatedAt: new Date() };
      return [await enqueueCertificationChanged(tx, before, after), await enqueueCertificationChanged(tx, before, after)];
    });
    expect(written).toEqual([1, 0]);
    expect((await outboxMessages(t.tenant.id, "certification.changed")).map((m) => (m.payload as { changes: string[] }).changes)).toEqual([["added"], ["renewed"]]);
  });

  it("announces a double-submitted edit once: the row lock makes the second submit see no change", async () => {
    const t = await staffTenant("cert-race");
    const id = await addCertification(t);
    const data = certificationInput({ suspended: "on" });
    const results = await Promise.all(Array.from({ length: 5 }, () => updateCertification({ tenant: t.tenant, actor: t.owner, certificationId: id, data, meta })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await outboxMessages(t.tenant.id, "certification.changed")).map((m) => (m.payload as { changes: string[] }).changes)).toEqual([["added"], ["suspended"]]);
    expect((await auditActions(t.tenant.id)).filter((a) => a === "certification.updated")).toHaveLength(1);
  });

  it("answers another tenant's certification as not found and changes nothing", async () => {
    const foreign = await addCertification(other);
    await expectAppError(() => updateCertification({ tenant: own.tenant, actor: own.owner, certificationId: foreign, data: certificationInput({ validUntil: "2030-01-01" }), meta }), "notFound");
    await expectAppError(() => updateCertification({ tenant: own.tenant, actor: own.owner, certificationId: "not-a-uuid", data: certificationInput(), meta }), "notFound");
    const row = await withTenant(other.tenant.id, (tx) => tx.certification.findUniqueOrThrow({ where: { id: foreign } }));
    expect(row.validUntil.toISOString().slice(0, 10)).toBe("2028-01-09");
  });
});

describe("the certification form (server actions)", () => {
  let cookie: Record<string, string>;
  beforeAll(async () => {
    const db = await getDb();
    const { token } = await db.$transaction((tx) => createSession(tx, { userId: own.owner.id, method: "PASSWORD", mfa: true, kind: "staff", ip: null, userAgent: null }));
    cookie = { [sessionCookieName()]: token };
  });
  const submit = (fields: Record<string, string>, action = createCertificationAction) => {
    beginRequest({ cookies: cookie, locale: "en" });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return action(own.tenant.slug, IDLE, form);
  };
  const count = () => withTenant(own.tenant.id, (tx) => tx.certification.count());

  it("answers bad dates, a bad framework and a missing custom label at their fields, keeps the input and stores nothing", async () => {
    const before = await count();
    const fields = { framework: "ISO_9001", certifier: "Cert AG", issuedAt: "2026-02-30", validUntil: "31.12.2027", scopeDe: "Umfang" };
    expect(await submit(fields)).toEqual({
      status: "error",
      values: fields,
      fieldErrors: { framework: ["Please choose a framework from the list."], issuedAt: ["Please enter a date like 2026-03-31."], validUntil: ["Please enter a date like 2026-03-31."] },
    });
    expect((await submit({ framework: "CUSTOM", certifier: "", issuedAt: "2026-05-01", validUntil: "2026-05-01" })).fieldErrors).toEqual({
      certifier: ["Please fill in this field."],
      label: ["Please name the certification (required for “Other certification”)."],
      validUntil: ["The valid-until date must be after the issue date."],
    });
    expect(await count()).toBe(before);
  });

  it("creates a valid certification, revalidates the tenant's public pages and opens its edit page; edits revalidate too", async () => {
    revalidated.length = 0;
    const redirect = await submit({ framework: "TISAX", certifier: "ENX Prüfer GmbH", issuedAt: "2026-01-01", validUntil: "2029-01-01", scopeEn: "Site Hamburg" }).catch((e: unknown) => e);
    const location = String((redirect as { digest?: string }).digest ?? "");
    const match = new RegExp(`/${own.tenant.slug}/admin/certifications/([0-9a-f-]{36})\\?notice=created`).exec(location);
    expect(match, location).not.toBeNull();
    expect(revalidated).toContain(`tag tenant:${own.tenant.slug}`);
    revalidated.length = 0;
    const edited = await submit({ certificationId: match![1]!, framework: "TISAX", certifier: "ENX Prüfer GmbH", issuedAt: "2026-01-01", validUntil: "2029-01-01", scopeEn: "Site Hamburg", withdrawn: "on" }, updateCertificationAction);
    expect(edited).toMatchObject({ status: "success", message: "Changes saved. Your trust center shows them now." });
    expect(revalidated).toContain(`tag tenant:${own.tenant.slug}`);
  });
});

describe("certificate upload (server action)", () => {
  let certificationId: string;
  let cookie: Record<string, string>;
  beforeAll(async () => {
    certificationId = await addCertification(own);
    const db = await getDb();
    const { token } = await db.$transaction((tx) => createSession(tx, { userId: own.owner.id, method: "PASSWORD", mfa: true, kind: "staff", ip: null, userAgent: null }));
    cookie = { [sessionCookieName()]: token };
  });

  const upload = (file: File, locale: "de" | "en" = "en") => {
    beginRequest({ cookies: cookie, locale });
    const form = new FormData();
    form.append("certificationId", certificationId);
    form.append("certificate", file);
    return uploadCertificateAction(own.tenant.slug, IDLE, form);
  };

  it("refuses a file that is not a PDF, with the message at the field, and stores nothing", async () => {
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], "certificate.pdf", { type: "application/pdf" });
    expect(await upload(png)).toEqual({ status: "error", fieldErrors: { certificate: ["This file is not a PDF. Please upload the certificate as a PDF."] } });
    expect(await upload(png, "de")).toEqual({ status: "error", fieldErrors: { certificate: ["Diese Datei ist kein PDF. Bitte laden Sie das Zertifikat als PDF hoch."] } });
    expect(await fileCount(own.tenant.id, certificationId)).toBe(0);
  });

  it("refuses a PDF over 10 MB and stores nothing", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await upload(new File([big], "big.pdf"))).toEqual({ status: "error", fieldErrors: { certificate: ["The file is larger than 10 MB. Please upload a smaller PDF."] } });
    expect(await upload(new File([], "empty.pdf"))).toEqual({ status: "error", fieldErrors: { certificate: ["Please choose a PDF file."] } });
    // Magic bytes but no readable document: it could never be watermarked.
    expect((await upload(new File([new TextEncoder().encode("%PDF-1.4\nnot really")], "fake.pdf"))).fieldErrors).toEqual({ certificate: [expect.stringContaining("cannot be read")] });
    expect(await fileCount(own.tenant.id, certificationId)).toBe(0);
    expect((await auditActions(own.tenant.id)).filter((a) => a === "certification.certificate.uploaded")).toEqual([]);
  });

  it("stores a valid PDF (size, hash) and audits the upload", async () => {
    const pdf = await samplePdf();
    revalidated.length = 0;
    const answer = await upload(new File([Buffer.from(pdf)], "ISO 27001 Zertifikat.pdf", { type: "application/pdf" }));
    expect(answer).toEqual({ status: "success", message: expect.stringMatching(/^Certificate uploaded \(\d(\.\d)? kB\)\.$/) });
    expect(revalidated).toEqual([`path /${own.tenant.slug}/admin/certifications/${certificationId}`, `path /${own.tenant.slug}/admin/certifications`]);
    const stored = await withTenant(own.tenant.id, (tx) => tx.certificateFile.findUniqueOrThrow({ where: { certificationId } }));
    expect(stored).toMatchObject({ filename: "ISO 27001 Zertifikat.pdf", size: pdf.byteLength, uploadedById: own.owner.id });
    expect(Buffer.from(stored.data).equals(Buffer.from(pdf))).toBe(true);
    expect((await auditActions(own.tenant.id)).filter((a) => a === "certification.certificate.uploaded")).toHaveLength(1);
  });
});

describe("certificate download", () => {
  let t: StaffTenant;
  let certificationId: string;
  let uncoveredId: string;
  beforeAll(async () => {
    t = await staffTenant("cert-dl");
    certificationId = await addCertification(t);
    uncoveredId = await addCertification(t, { framework: "BSI_C5" });
    for (const id of [certificationId, uncoveredId]) await storeCertificateFile({ tenant: t.tenant, actor: t.owner, certificationId: id, filename: "c.pdf", data: await samplePdf(3), meta });
  });

  const textOf = (pdf: Uint8Array) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cert-")), "w.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  };

  it("lets staff who manage certifications or review attestations download it, watermarked on every page, and audits it", async () => {
    for (const roles of [["ADMIN"], ["SECURITY_REVIEWER"]] as const) {
      const member = await staffMember(t, [...roles]);
      const downloader = await authorizeCertificateDownload(await sessionFor(member.id, true), t.tenant.slug, certificationId);
      expect(downloader.via).toBe("staff");
      const file = await downloadCertificate({ downloader, certificationId, locale: "en", now: new Date("2026-11-28T09:00:00Z"), meta });
      const pages = textOf(file.data).split("\f").filter((page) => page.trim().length > 0);
      expect(pages).toHaveLength(3);
      for (const page of pages) expect(page).toContain(`Confidential – downloaded by ${member.email} on 2026-11-28`);
    }
    const downloads = (await auditEvents(t.tenant.id)).filter((e) => e.action === "certification.certificate.downloaded");
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ targetId: certificationId, data: { via: "staff", filename: "c.pdf" } });
  });

  it("refuses staff without either permission, a random customer, and a customer whose letter is not issued", async () => {
    const editor = await staffMember(t, ["LEGAL_EDITOR"]);
    await expect(authorizeCertificateDownload(await sessionFor(editor.id, true), t.tenant.slug, certificationId)).rejects.toBeInstanceOf(AuthorizationError);
    const stranger = await createUser(`${unique("stranger")}@example.com`);
    await expect(authorizeCertificateDownload(await sessionFor(stranger.id, false), t.tenant.slug, certificationId)).rejects.toThrow(AuthorizationError);
    const revoked = await createUser(`${unique("revoked")}@example.com`);
    await attestationRequest(t.tenant.id, revoked.id, "REVOKED", [certificationId]);
    await attestationRequest(t.tenant.id, revoked.id, "SUBMITTED", [certificationId]);
    await expect(authorizeCertificateDownload(await sessionFor(revoked.id, false), t.tenant.slug, certificationId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(authorizeCertificateDownload(null, t.tenant.slug, certificationId)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("lets a customer download exactly the certifications their issued letter covers", async () => {
    const customer = await createUser(`${unique("kunde")}@example.com`);
    await attestationRequest(t.tenant.id, customer.id, "ISSUED", [certificationId]);
    const session = await sessionFor(customer.id, false);
    const downloader = await authorizeCertificateDownload(session, t.tenant.slug, certificationId);
    expect(downloader.via).toBe("customer");
    const file = await downloadCertificate({ downloader, certificationId, locale: "de", now: new Date("2026-11-28T09:00:00Z"), meta });
    expect(textOf(file.data)).toContain(`Vertraulich – heruntergeladen von ${customer.email} am 2026-11-28`);
    await expect(authorizeCertificateDownload(session, t.tenant.slug, uncoveredId)).rejects.toMatchObject({ code: "forbidden" });
    // The same letter does not open another tenant's certificates.
    await expect(authorizeCertificateDownload(session, other.tenant.slug, certificationId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers 'not found' for another tenant's certificate under the own tenant's address", async () => {
    const foreign = await addCertification(other);
    await storeCertificateFile({ tenant: other.tenant, actor: other.owner, certificationId: foreign, filename: "x.pdf", data: await samplePdf(1), meta });
    const admin = await staffMember(t, ["ADMIN"]);
    const downloader = await authorizeCertificateDownload(await sessionFor(admin.id, true), t.tenant.slug, foreign);
    const error = await downloadCertificate({ downloader, certificationId: foreign, locale: "en", meta }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("notFound");
    await expectAppError(() => removeCertificateFile({ tenant: t.tenant, actor: t.owner, certificationId: foreign, meta }), "notFound");
    expect(await fileCount(other.tenant.id, foreign)).toBe(1);
  });
});

describe("expiring certificates (daily task)", () => {
  it("enqueues one message per certificate and valid-until date within 30 days, idempotently", async () => {
    const t = await staffTenant("cert-exp");
    const now = new Date("2026-11-28T05:00:00Z");
    const soon = await addCertification(t, { issuedAt: "2024-01-01", validUntil: "2026-12-20" });
    await addCertification(t, { issuedAt: "2024-01-01", validUntil: "2027-01-10" }); // 43 days: not yet
    await addCertification(t, { issuedAt: "2024-01-01", validUntil: "2026-12-01", withdrawn: "on" });
    await addCertification(t, { issuedAt: "2024-01-01", validUntil: "2026-11-27" }); // already expired
    await enqueueExpiringCertifications(now);
    await enqueueExpiringCertifications(now);
    await enqueueExpiringCertifications(new Date("2026-11-29T05:00:00Z"));
    const keys = async () => (await outboxMessages(t.tenant.id, "certification.expiring")).map((m) => m.dedupeKey);
    expect(await keys()).toEqual([`certification.expiring:${soon}:2026-12-20`]);
    // Renewed to a date that again falls within 30 days later on: a new announcement for the new date.
    await updateCertification({ tenant: t.tenant, actor: t.owner, certificationId: soon, data: certificationInput({ issuedAt: "2024-01-01", validUntil: "2026-12-27" }), meta });
    await enqueueExpiringCertifications(now);
    expect(await keys()).toEqual([`certification.expiring:${soon}:2026-12-20`, `certification.expiring:${soon}:2026-12-27`]);
  });
});

describe("row-level security", () => {
  it("shows another tenant nothing of a tenant's certifications, files or watch messages", async () => {
    const id = await addCertification(own);
    await storeCertificateFile({ tenant: own.tenant, actor: own.owner, certificationId: id, filename: "a.pdf", data: await samplePdf(1), meta });
    const seen = await withTenant(other.tenant.id, async (tx) => ({
      certifications: await tx.certification.count({ where: { tenantId: own.tenant.id } }),
      files: await tx.certificateFile.count({ where: { tenantId: own.tenant.id } }),
      messages: await tx.outboxMessage.count({ where: { tenantId: own.tenant.id } }),
    }));
    expect(seen).toEqual({ certifications: 0, files: 0, messages: 0 });
    // Nor can it write into the tenant.
    const write = withTenant(other.tenant.id, (tx) => tx.certification.create({ data: { tenantId: own.tenant.id, framework: "TISAX", certifier: "x", issuedAt: new Date(), validUntil: new Date() } }));
    await expect(write).rejects.toThrow();
    void createCertification;
  });
});
