import "server-only";
import { letterStatus, type LetterStatus } from "@/lib/attestations/validity";
import { normalizeVerificationCode } from "@/lib/attestations/verification-code";
import { dayInZone } from "@/lib/dates";
import { getDb } from "../db/client";
import { consume } from "../security/rate-limit";
import type { LetterSnapshot } from "./letter-snapshot";

// /verify/{code}: what anyone holding a letter may learn about it. Outside any tenant context: the
// transaction sets app.verify_code, and row-level security lets exactly the letter with that code
// through (attestation_letters policy tenant_own_or_code_read). Nothing personal leaves here: no
// recipient name or email, no revocation reason (it was written to the customer and may name
// confidential circumstances; the public learns that and when a letter was revoked, not why).

export interface PublicCertification {
  framework: string;
  name: string;
  certifier: string;
  scope: string;
  certificateNumber: string | null;
  issuedAt: string;
  validUntil: string;
}

export interface PublicVerification {
  code: string;
  status: LetterStatus;
  issuer: { name: string };
  recipient: { company: string };
  /** The language the letter was written in. */
  locale: string;
  issuedAt: string;
  issueDate: string;
  validUntil: string;
  revokedAt: string | null;
  certifications: PublicCertification[];
  /** SHA-256 of the issued PDF, to compare a file with. */
  sha256: string;
}

/** Never equal to a stored code (those are 23 characters of the code alphabet and dashes). */
const NO_CODE = "~";

/**
 * One verification, counted against the caller's address first. A malformed code and an unknown
 * well-formed one take the same path (the same query, with a value that matches nothing) and both
 * answer null, so neither the answer nor its timing tells them apart.
 */
export async function verifyLetter(rawCode: string, client: { ip: string | null }, now: Date = new Date()): Promise<PublicVerification | null> {
  await consume("verifyPerIp", client.ip ?? "unknown");
  const code = normalizeVerificationCode(decoded(rawCode)) ?? NO_CODE;
  const letters = await findLettersByCode(code);
  const letter = letters.length === 1 ? letters[0]! : null;
  if (!letter) return null;
  return publicVerification(letter, now);
}

/** A route segment may arrive still percent-encoded ("7KQ2M%209XD4F…"). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type LetterRow = Awaited<ReturnType<typeof findLettersByCode>>[number];

/** The letters row-level security shows for a code: at most one (the code is unique). */
export async function findLettersByCode(code: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.verify_code', ${code}, true), set_config('role', 'app_user', true)`;
    return tx.attestationLetter.findMany({
      where: { code },
      select: { code: true, issuedAt: true, validUntil: true, revokedAt: true, sha256: true, snapshot: true, locale: true },
      take: 2,
    });
  });
}

export function publicVerification(letter: LetterRow, now: Date): PublicVerification {
  const snapshot = letter.snapshot as unknown as LetterSnapshot;
  const validUntil = letter.validUntil.toISOString().slice(0, 10);
  const today = dayInZone(now.toISOString(), snapshot.timeZone);
  return {
    code: letter.code,
    status: letterStatus({ validUntil, revokedAt: letter.revokedAt }, today),
    issuer: { name: snapshot.tenant.name },
    recipient: { company: snapshot.recipient.company },
    locale: letter.locale,
    issuedAt: letter.issuedAt.toISOString(),
    issueDate: snapshot.issueDay,
    validUntil,
    revokedAt: letter.revokedAt?.toISOString() ?? null,
    certifications: snapshot.certifications.map((c) => ({
      framework: c.framework,
      name: c.name,
      certifier: c.certifier,
      scope: c.scope,
      certificateNumber: c.certificateNumber,
      issuedAt: c.issuedAt,
      validUntil: c.validUntil,
    })),
    sha256: letter.sha256,
  };
}

/** Whether uploaded bytes are the issued PDF (the JS-less fallback of the page's file check). */
export async function fileMatchesLetter(rawCode: string, sha256: string, client: { ip: string | null }): Promise<boolean | null> {
  const verification = await verifyLetter(rawCode, client);
  if (!verification) return null;
  return verification.sha256 === sha256;
}
