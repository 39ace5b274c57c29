import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "../db/client";

// Where certificate PDFs live. The default backend is the database (CertificateFile, under the
// tenant's row-level security); another backend (object storage) implements the same three calls.
// Every call takes the caller's transaction, so that storing a file, its audit event and its
// announcement commit together (an external backend ignores it and must be idempotent by key).

export interface CertificateKey {
  tenantId: string;
  certificationId: string;
}

export interface CertificateMetadata {
  filename: string;
  size: number;
  sha256: string;
  uploadedById: string | null;
  createdAt: Date;
}

export interface StoredCertificate extends CertificateMetadata {
  data: Uint8Array;
}

export interface CertificateStorage {
  /** Stores (or replaces) the certification's PDF; returns what was stored. */
  put(tx: Tx, key: CertificateKey, file: { filename: string; data: Uint8Array; uploadedById: string | null }): Promise<CertificateMetadata>;
  get(tx: Tx, key: CertificateKey): Promise<StoredCertificate | null>;
  /** True when there was a file to delete. */
  delete(tx: Tx, key: CertificateKey): Promise<boolean>;
}

export const sha256Hex = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

const METADATA = { filename: true, size: true, sha256: true, uploadedById: true, createdAt: true } as const;

export const databaseCertificateStorage: CertificateStorage = {
  async put(tx, key, file) {
    const values = { filename: file.filename, size: file.data.byteLength, sha256: sha256Hex(file.data), data: Buffer.from(file.data), uploadedById: file.uploadedById };
    return tx.certificateFile.upsert({
      where: { certificationId: key.certificationId },
      create: { tenantId: key.tenantId, certificationId: key.certificationId, ...values },
      update: { ...values, createdAt: new Date() },
      select: METADATA,
    });
  },
  async get(tx, key) {
    const row = await tx.certificateFile.findFirst({ where: { tenantId: key.tenantId, certificationId: key.certificationId }, select: { ...METADATA, data: true } });
    return row ? { ...row, data: new Uint8Array(row.data) } : null;
  },
  async delete(tx, key) {
    const { count } = await tx.certificateFile.deleteMany({ where: { tenantId: key.tenantId, certificationId: key.certificationId } });
    return count > 0;
  },
};

/** The backend in use. One place to swap it (e.g. for object storage behind an env setting). */
export function certificateStorage(): CertificateStorage {
  return databaseCertificateStorage;
}
