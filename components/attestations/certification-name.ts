import type { CertificationFramework } from "@/lib/trust-center/types";

type FrameworkTranslator = (key: `certifications.framework.${CertificationFramework}`) => string;

/** A certification's display name: its own label for a custom framework, else the framework's name. */
export function certificationName(cert: { framework: CertificationFramework; label: string | null }, t: FrameworkTranslator): string {
  return cert.framework === "CUSTOM" && cert.label ? cert.label : t(`certifications.framework.${cert.framework}`);
}
