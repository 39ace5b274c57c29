import "server-only";
import { AppError, AuthorizationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { authorizeTenantAccess, authorizeUser, findTenantRef, type TenantRef } from "../auth/guard";
import type { CurrentSession } from "../auth/session";
import { recordAudit } from "../audit/record";
import { withTenant, type Tx } from "../db/client";
import { translator } from "../i18n/translator";
import { assertId } from "../members/context";
import type { RequestMeta } from "../request-context";
import { watermarkPdf } from "./certificate-pdf";
import { certificateStorage } from "./storage";

// Who may download a certificate PDF: the tenant's staff who manage certifications or review
// attestations, and customers holding an ISSUED attestation letter that covers the certification.
// Every download is watermarked with the downloader's address and the date, and audited.

export interface CertificateDownloader {
  tenant: TenantRef;
  user: { id: string; email: string };
  via: "staff" | "customer";
  roles: readonly string[];
}

/** The console link (staff) and the customers' link are the same address. */
export const certificateDownloadPath = (slug: string, certificationId: string) => `/${slug}/admin/certifications/${certificationId}/certificate`;

export async function authorizeCertificateDownload(session: CurrentSession | null, slug: string, certificationId: string): Promise<CertificateDownloader> {
  if (!session) throw new AuthorizationError("unauthenticated");
  const signedIn = session;
  const tenant = await findTenantRef(slug);
  if (!tenant) throw new AppError("notFound", "no such tenant");
  const user = { id: signedIn.user.id, email: signedIn.user.email };
  const member = signedIn.memberships.some((m) => m.tenantId === tenant.id && m.roles.length > 0);
  if (member) {
    // The guard decides for staff (MFA included); either permission opens the file.
    let access;
    try {
      access = authorizeTenantAccess(signedIn, tenant, "certifications.manage");
    } catch (error) {
      if (!(error instanceof AuthorizationError) || error.code !== "forbidden") throw error;
      access = authorizeTenantAccess(signedIn, tenant, "attestations.review");
    }
    assertId(certificationId, "certification");
    return { tenant, user, via: "staff", roles: access.roles };
  }
  if (!(await hasIssuedLetterFor(tenant.id, user.id, certificationId))) {
    throw new AuthorizationError("forbidden", "no issued attestation letter covers this certification");
  }
  // Entitled as a customer, but not halfway through a staff sign-in (password given, code not yet).
  authorizeUser(signedIn);
  return { tenant, user, via: "customer", roles: [] };
}

/** A customer's entitlement: an ISSUED request of theirs (revoked and expired ones are not) covering it. */
export async function hasIssuedLetterFor(tenantId: string, userId: string, certificationId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(certificationId)) return false;
  const count = await withTenant(tenantId, (tx) =>
    tx.attestationRequest.count({ where: { tenantId, userId, state: "ISSUED", certifications: { some: { certificationId } } } }),
  );
  return count > 0;
}

export interface CertificateDownload {
  filename: string;
  data: Uint8Array;
}

/** The watermarked PDF; "not found" when the certification (in this tenant) has no file. */
export async function downloadCertificate(input: { downloader: CertificateDownloader; certificationId: string; locale: Locale; now?: Date; meta: RequestMeta | null }): Promise<CertificateDownload> {
  const { downloader } = input;
  const now = input.now ?? new Date();
  const t = translator(input.locale, "certifications");
  const line = t("watermark", { email: downloader.user.email, date: now.toISOString().slice(0, 10) });
  return withTenant(downloader.tenant.id, async (tx: Tx) => {
    const file = await certificateStorage().get(tx, { tenantId: downloader.tenant.id, certificationId: input.certificationId });
    if (!file) throw new AppError("notFound", "this certification has no certificate file");
    // Watermarked before the audit event is written: a download that fails is not logged as one.
    const data = await watermarkPdf(file.data, line);
    await recordAudit(tx, {
      tenantId: downloader.tenant.id,
      actor: { id: downloader.user.id, email: downloader.user.email, roles: downloader.roles },
      action: "certification.certificate.downloaded",
      target: { type: "certification", id: input.certificationId },
      data: { filename: file.filename, sha256: file.sha256, via: downloader.via },
      meta: input.meta,
    });
    return { filename: file.filename, data };
  });
}
