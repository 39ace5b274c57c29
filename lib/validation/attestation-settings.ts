import { z } from "zod";
import { isFreeMailDomain } from "@/lib/attestations/free-mail-domains";
import { normalizeDomain } from "./sso";

// The attestation settings of a tenant: NDA on/off, the open-request limit, auto-approval email
// domains (never free-mail) and the reviewer reminder threshold. Messages are keys: plain ones are
// errors.validation.*, "!"-prefixed ones nda.validation.* (with ":value" carrying the offending domain).

export const MAX_AUTO_APPROVE_DOMAINS = 50;

function integerField(min: number, max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .refine((value) => /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max, `!range:${min}-${max}`)
    .transform(Number);
}

/** One domain per line (commas and spaces also separate); each a real domain, none free-mail, no duplicates. */
const domainsField = z
  .string({ error: "!invalid" })
  .optional()
  .transform((raw, ctx) => {
    const parts = (raw ?? "").split(/[\s,;]+/u).filter((part) => part.length > 0);
    const domains: string[] = [];
    for (const part of parts) {
      const domain = normalizeDomain(part.replace(/^.*@/, ""));
      if (!domain) {
        ctx.addIssue({ code: "custom", message: `!domainInvalid:${part.slice(0, 100)}` });
        return z.NEVER;
      }
      if (isFreeMailDomain(domain)) {
        ctx.addIssue({ code: "custom", message: `!domainFreeMail:${domain}` });
        return z.NEVER;
      }
      if (!domains.includes(domain)) domains.push(domain);
    }
    if (domains.length > MAX_AUTO_APPROVE_DOMAINS) {
      ctx.addIssue({ code: "custom", message: `!domainsTooMany:${MAX_AUTO_APPROVE_DOMAINS}` });
      return z.NEVER;
    }
    return domains;
  });

export const attestationSettingsSchema = z.object({
  ndaEnabled: z.unknown().optional().transform((value) => value === "on"),
  openRequestLimit: integerField(1, 100),
  autoApproveDomains: domainsField,
  reviewReminderHours: integerField(1, 720),
});

export type AttestationSettingsInput = z.infer<typeof attestationSettingsSchema>;
