import type { PublicCertification } from "./types";

export type CertificationStatus = "valid" | "expiring" | "expired" | "suspended" | "withdrawn";

const EXPIRING_WITHIN_DAYS = 30;

/** Withdrawn and suspended flags win; otherwise the status follows from the dates (today is "YYYY-MM-DD"). */
export function certificationStatus(cert: Pick<PublicCertification, "validUntil" | "suspended" | "withdrawn">, today: string): CertificationStatus {
  if (cert.withdrawn) return "withdrawn";
  if (cert.suspended) return "suspended";
  if (cert.validUntil < today) return "expired";
  const daysLeft = (Date.parse(cert.validUntil) - Date.parse(today)) / 86_400_000;
  return daysLeft <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid";
}
