import "server-only";
import { certificationStanding, dateColumnDay, letterValidUntil } from "@/lib/attestations/validity";
import { generateVerificationCode } from "@/lib/attestations/verification-code";
import { dayInZone } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { asLocalizedText, pickLocalized } from "@/lib/i18n/localized";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";
import { env } from "../env";
import { translator } from "../i18n/translator";
import { renderLetterPdf, sha256Hex } from "./letter-pdf";
import { buildLetterSnapshot, type LetterCertification, type LetterSnapshot } from "./letter-snapshot";
import { fireTransition, lockRequest, SYSTEM } from "./transition";

/** The public address of a letter's verification page. */
export function verificationUrl(code: string): string {
  return `${env().APP_ORIGIN}/verify/${code}`;
}

/**
 * Issues the letter of an APPROVED request inside the caller's transaction: snapshot of the
 * certifications as of `now`, verification code, PDF hash; the request becomes ISSUED (transition
 * "issue" of lib/attestations/transitions.ts, with its timeline event, audit event and the
 * customer's notification). Refused with AppError("conflict", reason "certificationNotValid") when a
 * requested certification is expired, suspended or withdrawn on the issue day, and with
 * "illegalTransition" when the request is not APPROVED (a letter exists at most once per request).
 */
export async function issueLetter(tx: Tx, input: { tenantId: string; requestId: string; now: Date; automatic: boolean }): Promise<{ letterId: string; code: string }> {
  const locked = await lockRequest(tx, input.tenantId, input.requestId);
  if (locked.state !== "APPROVED") {
    throw new AppError("conflict", `a letter is issued for an approved request, not from ${locked.state}`, { reason: "illegalTransition", state: locked.state });
  }
  const request = await tx.attestationRequest.findUniqueOrThrow({
    where: { id: input.requestId },
    select: {
      requesterEmail: true,
      requesterName: true,
      companyName: true,
      locale: true,
      tenant: { select: { id: true, slug: true, name: true, brandColor: true, logoSvg: true, timeZone: true, defaultLocale: true } },
      certifications: { select: { certification: true }, orderBy: [{ certification: { position: "asc" } }, { certificationId: "asc" }] },
    },
  });
  const { tenant } = request;
  const locale: Locale = isLocale(request.locale) ? request.locale : isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "de";
  const fallbackLocale: Locale = isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "de";
  const issueDay = dayInZone(input.now.toISOString(), tenant.timeZone);
  const certifications = request.certifications.map(({ certification }) => certification);
  if (certifications.length === 0) throw new AppError("invalid", "the request names no certification", { reason: "noCertification" });

  const frameworks = translator(locale, "measures");
  const attested: LetterCertification[] = certifications.map((certification) => {
    const standing = certificationStanding({ validUntil: dateColumnDay(certification.validUntil), suspended: certification.suspended, withdrawn: certification.withdrawn }, issueDay);
    if (standing !== "valid") {
      throw new AppError("conflict", `certification ${certification.id} is ${standing}`, { reason: "certificationNotValid", certificationId: certification.id, standing });
    }
    return {
      id: certification.id,
      framework: certification.framework,
      name: certification.framework === "CUSTOM" && certification.label ? certification.label : frameworks(`certifications.framework.${certification.framework}`),
      certifier: certification.certifier,
      scope: pickLocalized(asLocalizedText(certification.scope), locale, fallbackLocale)?.value ?? "",
      certificateNumber: certification.certificateNumber,
      issuedAt: dateColumnDay(certification.issuedAt),
      validUntil: dateColumnDay(certification.validUntil),
    };
  });

  const code = generateVerificationCode();
  const snapshot: LetterSnapshot = buildLetterSnapshot({
    code,
    verificationUrl: verificationUrl(code),
    locale,
    timeZone: tenant.timeZone,
    issuedAt: input.now.toISOString(),
    issueDay,
    validUntil: letterValidUntil(issueDay, attested.map((c) => c.validUntil)),
    automatic: input.automatic,
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, brandColor: tenant.brandColor, logoSvg: tenant.logoSvg },
    recipient: { name: request.requesterName?.trim() || null, email: request.requesterEmail, company: request.companyName },
    certifications: attested,
  });
  const pdf = await renderLetterPdf(snapshot);

  const letter = await tx.attestationLetter.create({
    data: {
      tenantId: input.tenantId,
      requestId: input.requestId,
      code,
      locale,
      issuedAt: input.now,
      validUntil: new Date(`${snapshot.validUntil}T00:00:00Z`),
      sha256: sha256Hex(pdf),
      snapshot: snapshot as unknown as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  await fireTransition(tx, { tenantId: input.tenantId, requestId: input.requestId, name: "issue", actor: SYSTEM, automatic: input.automatic, meta: null });
  return { letterId: letter.id, code };
}
