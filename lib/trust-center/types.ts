import type { LocalizedText } from "../i18n/localized";

export type ChangeKind = "EDITORIAL" | "MATERIAL";

export interface PublicVersion {
  number: number;
  title: LocalizedText;
  changeSummary: LocalizedText;
  changeKind: ChangeKind;
  effectiveAt: string;
  publishedAt: string;
}

export interface PublicSection {
  key: string;
  locale: string;
  position: number;
  number: string | null;
  title: string;
  body: string;
}

export type CertificationFramework = "ISO_27001" | "ISO_27017" | "ISO_27018" | "ISO_27701" | "SOC2_TYPE2" | "BSI_C5" | "TISAX" | "CUSTOM";

export interface PublicCertification {
  id: string;
  framework: CertificationFramework;
  label: string | null;
  certifier: string;
  scope: LocalizedText;
  summary: LocalizedText;
  certificateNumber: string | null;
  /** Calendar days, "YYYY-MM-DD". */
  issuedAt: string;
  validUntil: string;
  suspended: boolean;
  withdrawn: boolean;
}
