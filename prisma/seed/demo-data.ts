// Demo tenants, their measures (text files beside this folder) and certifications.
// MPMX is the first real tenant's document; Nordlicht exists to make tenant isolation visible.
import type { CertificationFramework } from "@/lib/trust-center/types";

export interface DemoCertification {
  framework: CertificationFramework;
  certifier: string;
  certificateNumber: string;
  issuedAt: string;
  validUntil: string;
  scope: { de: string; en: string };
  summary: { de: string; en: string };
}

export interface DemoTenantStyle {
  brandColor: string;
  logoSvg: string;
  /** Serves the tenant's pages at its root; *.localhost resolves to this machine in browsers. */
  customDomain?: string;
  certifications: DemoCertification[];
}

const monogram = (letter: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${color}"/>` +
  `<text x="16" y="22" font-family="Arial, sans-serif" font-size="17" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`;

export const DEMO_TENANT_STYLE: Record<string, DemoTenantStyle> = {
  mpmx: {
    brandColor: "#0b5cad",
    logoSvg: monogram("M", "#0b5cad"),
    customDomain: "trust.mpmx.localhost",
    certifications: [
      {
        framework: "ISO_27001",
        certifier: "Nordcert Zertifizierungs GmbH",
        certificateNumber: "ISMS-2025-04711",
        issuedAt: "2025-03-14",
        validUntil: "2028-03-13",
        scope: {
          de: "Entwicklung, Betrieb und Support der cloudbasierten Services einschließlich der zugehörigen Unternehmensprozesse.",
          en: "Development, operation and support of the cloud-based Services, including the related business processes.",
        },
        summary: {
          de: "Zertifiziertes Informationssicherheits-Managementsystem nach ISO/IEC 27001:2022.",
          en: "Information security management system certified to ISO/IEC 27001:2022.",
        },
      },
      {
        framework: "BSI_C5",
        certifier: "Weber & Partner Wirtschaftsprüfungsgesellschaft",
        certificateNumber: "C5-T2-2025-118",
        issuedAt: "2026-01-15",
        validUntil: "2026-12-31",
        scope: {
          de: "C5-Typ-2-Prüfung der Produktivumgebung der Services für den Berichtszeitraum 1. Oktober 2024 bis 30. September 2025.",
          en: "C5 Type 2 examination of the Services' production environment for the period 1 October 2024 to 30 September 2025.",
        },
        summary: {
          de: "Testat nach dem Cloud Computing Compliance Criteria Catalogue (C5:2020) des BSI.",
          en: "Attestation under the BSI Cloud Computing Compliance Criteria Catalogue (C5:2020).",
        },
      },
    ],
  },
  nordlicht: {
    brandColor: "#0f766e",
    logoSvg: monogram("N", "#0f766e"),
    certifications: [
      {
        framework: "ISO_27001",
        certifier: "Hanse Audit Cert GmbH",
        certificateNumber: "HAC-27001-2023-032",
        issuedAt: "2023-02-01",
        validUntil: "2026-01-31",
        scope: {
          de: "Betrieb der Analyseplattform in Rechenzentren in Frankfurt am Main.",
          en: "Operation of the analytics platform in data centres in Frankfurt am Main.",
        },
        summary: {
          de: "Das Zertifikat ist abgelaufen; die Rezertifizierung ist beauftragt.",
          en: "The certificate has expired; recertification has been commissioned.",
        },
      },
    ],
  },
};
