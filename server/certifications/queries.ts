import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized";
import type { CertificationFramework } from "@/lib/trust-center/types";
import { withTenant } from "../db/client";
import { assertId } from "../members/context";

// What the console shows of a tenant's certifications (the public pages read server/trust-center).

export interface ConsoleCertification {
  id: string;
  framework: CertificationFramework;
  label: string | null;
  certifier: string;
  certificateNumber: string | null;
  /** "YYYY-MM-DD" */
  issuedAt: string;
  validUntil: string;
  suspended: boolean;
  withdrawn: boolean;
  scope: LocalizedText;
  summary: LocalizedText;
  file: { filename: string; size: number; sha256: string; createdAt: Date } | null;
}

const SELECT = {
  id: true,
  framework: true,
  label: true,
  certifier: true,
  certificateNumber: true,
  issuedAt: true,
  validUntil: true,
  suspended: true,
  withdrawn: true,
  scope: true,
  summary: true,
  file: { select: { filename: true, size: true, sha256: true, createdAt: true } },
} as const;

type Row = Prisma.CertificationGetPayload<{ select: typeof SELECT }>;

function view(row: Row): ConsoleCertification {
  return {
    id: row.id,
    framework: row.framework,
    label: row.label,
    certifier: row.certifier,
    certificateNumber: row.certificateNumber,
    issuedAt: row.issuedAt.toISOString().slice(0, 10),
    validUntil: row.validUntil.toISOString().slice(0, 10),
    suspended: row.suspended,
    withdrawn: row.withdrawn,
    scope: asLocalizedText(row.scope),
    summary: asLocalizedText(row.summary),
    file: row.file,
  };
}

export async function listConsoleCertifications(tenantId: string): Promise<ConsoleCertification[]> {
  const rows = await withTenant(tenantId, (tx) => tx.certification.findMany({ where: { tenantId }, orderBy: [{ position: "asc" }, { issuedAt: "asc" }], select: SELECT }));
  return rows.map(view);
}

/** One certification of the tenant; another tenant's (or a malformed) id is "not found". */
export async function getConsoleCertification(tenantId: string, certificationId: string): Promise<ConsoleCertification> {
  assertId(certificationId, "certification");
  const row = await withTenant(tenantId, (tx) => tx.certification.findFirst({ where: { id: certificationId, tenantId }, select: SELECT }));
  if (!row) throw new AppError("notFound", "no such certification in this tenant");
  return view(row);
}
