import "server-only";
import { createHash } from "node:crypto";
import { formatDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { CertificationFramework } from "@/lib/trust-center/types";
import { translator } from "../i18n/translator";

// Everything a letter is rendered from, stored with it (AttestationLetter.snapshot). The texts are
// stored as they were printed, dates already formatted: a later change of a message catalog, of
// the ICU data or of a certification cannot change an issued letter, and re-rendering the snapshot
// gives the same bytes (same SHA-256). `layout` names the renderer version; a new layout must keep
// rendering the old ones as they were.

export interface LetterCertification {
  id: string;
  framework: CertificationFramework;
  /** Display name in the letter's language ("ISO/IEC 27001", or a custom label). */
  name: string;
  certifier: string;
  /** Scope in the letter's language (falls back to the other one). */
  scope: string;
  certificateNumber: string | null;
  /** Calendar days "YYYY-MM-DD". */
  issuedAt: string;
  validUntil: string;
}

export interface LetterText {
  title: string;
  documentTitle: string;
  subject: string;
  recipientHeading: string;
  issueDateLabel: string;
  issueDate: string;
  validUntilLabel: string;
  validUntil: string;
  codeLabel: string;
  intro: string;
  scopeLabel: string;
  certifierLabel: string;
  certificateNumberLabel: string;
  validityLabel: string;
  /** Per certification, in order: "14 March 2025 to 13 March 2028". */
  validities: string[];
  letterValidityHeading: string;
  letterValidity: string;
  verifyHeading: string;
  verifyText: string;
  confidentiality: string;
  issuance: string;
  footer: string;
  /** With {page} and {pages} left in, filled per page. */
  page: string;
  watermark: string;
}

export interface LetterSnapshot {
  layout: 1;
  code: string;
  verificationUrl: string;
  locale: Locale;
  timeZone: string;
  /** The issuing instant (ISO) and its calendar day in the tenant's zone. */
  issuedAt: string;
  issueDay: string;
  validUntil: string;
  automatic: boolean;
  tenant: { id: string; slug: string; name: string; brandColor: string; logoSvg: string | null };
  recipient: { name: string | null; email: string; company: string };
  certifications: LetterCertification[];
  text: LetterText;
}

export type LetterFacts = Omit<LetterSnapshot, "layout" | "text">;

/** The letter's texts in its language, with every date formatted once, at issue. */
export function composeLetterText(facts: LetterFacts): LetterText {
  const t = translator(facts.locale, "letters");
  // Calendar days are formatted at noon UTC in UTC: the same day everywhere.
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, facts.locale, "UTC");
  const tenant = facts.tenant.name;
  const company = facts.recipient.company;
  const issueDate = day(facts.issueDay);
  return {
    title: t("pdf.title"),
    documentTitle: t("pdf.documentTitle", { tenant, company }),
    subject: t("pdf.subject", { tenant, date: issueDate }),
    recipientHeading: t("pdf.recipientHeading"),
    issueDateLabel: t("pdf.issueDate"),
    issueDate,
    validUntilLabel: t("pdf.validUntil"),
    validUntil: day(facts.validUntil),
    codeLabel: t("pdf.code"),
    intro: t("pdf.intro", { tenant, company, date: issueDate }),
    scopeLabel: t("pdf.scope"),
    certifierLabel: t("pdf.certifier"),
    certificateNumberLabel: t("pdf.certificateNumber"),
    validityLabel: t("pdf.validity"),
    validities: facts.certifications.map((c) => t("pdf.validityRange", { from: day(c.issuedAt), until: day(c.validUntil) })),
    letterValidityHeading: t("pdf.letterValidityHeading"),
    letterValidity: t("pdf.letterValidity", { tenant, date: day(facts.validUntil) }),
    verifyHeading: t("pdf.verifyHeading"),
    verifyText: t("pdf.verifyText"),
    confidentiality: t("pdf.confidentiality", { tenant, company }),
    issuance: facts.automatic ? t("pdf.issuedAutomatically", { tenant }) : t("pdf.issuedAfterReview", { tenant }),
    footer: t("pdf.footer", { tenant, code: facts.code }),
    // ICU would consume the braces: the page numbers are filled by the renderer.
    page: t("pdf.page", { page: "{page}", pages: "{pages}" }),
    watermark: facts.recipient.name ? t("pdf.watermarkNamed", { name: facts.recipient.name, company }) : t("pdf.watermark", { company }),
  };
}

export function buildLetterSnapshot(facts: LetterFacts): LetterSnapshot {
  return { layout: 1, ...facts, text: composeLetterText(facts) };
}

/** The PDF's document ID, derived from the code: stable across renders, distinct per letter. */
export function letterDocumentId(snapshot: Pick<LetterSnapshot, "code">): string {
  return createHash("sha256").update(`vouchsafe-letter:${snapshot.code}`).digest("hex").slice(0, 32).toUpperCase();
}
