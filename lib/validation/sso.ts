import { z } from "zod";
import { isFreeMailDomain } from "@/lib/attestations/free-mail-domains";
import { textField } from "./fields";

// The single sign-on (OIDC) section of a tenant's settings (the provider, and its email domains one
// by one), and the email-domain rule that the sign-in callback applies to what the identity
// provider says. Messages are keys: plain ones are errors.validation.*, "sso.*" ones are
// sso.errors.* (translated by the settings actions).

const CONTROL = /[\u0000-\u001f\u007f]/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
export const MAX_EMAIL_DOMAINS = 50;

/** A domain as the comparison sees it: lower case, IDNs in punycode; null when it is no hostname. */
export function normalizeDomain(raw: string): string | null {
  const candidate = raw.trim().replace(/^@/, "").replace(/\.$/, "");
  if (candidate.length === 0 || candidate.length > 253 || /[\s/:@?#*\\[\]%]/u.test(candidate) || CONTROL.test(candidate)) return null;
  let host: string;
  try {
    host = new URL(`http://${candidate}`).hostname;
  } catch {
    return null;
  }
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // A top-level domain is letters (or an IDN in punycode): rules out IPv4 addresses.
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z]{2,63}$/.test(tld) && !tld.startsWith("xn--")) return null;
  return host;
}

/** The domain part of an address, normalized like the allowed domains; null if there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return normalizeDomain(email.slice(at + 1));
}

/**
 * The listed domain an address belongs to, or null. Exact match only: "example.com" does not
 * admit "eu.example.com". A subdomain may be run by someone else (a customer's own tenant on a
 * shared host), so each one is listed (and verified) on its own.
 */
export function listedDomainOf<T extends { domain: string }>(email: string, listed: readonly T[]): T | null {
  const domain = emailDomain(email);
  return domain === null ? null : (listed.find((entry) => normalizeDomain(entry.domain) === domain) ?? null);
}

/** Issuer URLs: https; plain http only for this machine when APP_ENV is not production (tests, demo). */
export function issuerProblem(value: string, allowInsecureLoopback: boolean): string | null {
  if (/[\s\u0000-\u001f\u007f]/u.test(value)) return "sso.issuerUrl";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "sso.issuerUrl";
  }
  if (url.username || url.password || url.search || url.hash || value.includes("?") || value.includes("#")) return "sso.issuerUrl";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowInsecureLoopback && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return allowInsecureLoopback ? "sso.issuerHttpsOrLoopback" : "sso.issuerHttps";
}

/** "https://idp.example/" and "https://idp.example" name the same issuer; a path keeps its form. */
export function normalizeIssuer(value: string): string {
  const url = new URL(value);
  return url.pathname === "/" ? url.origin : value;
}

/** The form that adds one email domain to the tenant's single sign-on. */
export const ssoDomainSchema = z.object({
  domain: z
    .string({ error: "required" })
    .trim()
    .min(1, { message: "required", abort: true })
    .max(254, { message: "tooLong:254", abort: true })
    .transform((value, ctx) => {
      const domain = normalizeDomain(value);
      if (!domain) {
        ctx.addIssue({ code: "custom", message: "sso.domain" });
        return z.NEVER;
      }
      // Anyone can have an address there: no tenant can speak for all of its users.
      if (isFreeMailDomain(domain)) {
        ctx.addIssue({ code: "custom", message: "sso.domainFreeMail" });
        return z.NEVER;
      }
      return domain;
    }),
});

export type SsoDomainInput = z.infer<typeof ssoDomainSchema>;

/** The verify and remove buttons of one listed domain. */
export const ssoDomainActionSchema = z.object({
  domainId: z.uuid(),
  intent: z.enum(["verify", "remove"]),
});

/**
 * The form that saves the provider (single sign-on is on once a domain is verified too). A blank
 * secret keeps the stored one.
 */
export function ssoSettingsSchema({ allowInsecureLoopback }: { allowInsecureLoopback: boolean }) {
  return z.object({
    issuer: z
      .string({ error: "required" })
      .trim()
      .min(1, { message: "required", abort: true })
      .max(500, { message: "tooLong:500", abort: true })
      .superRefine((value, ctx) => {
        const problem = issuerProblem(value, allowInsecureLoopback);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform(normalizeIssuer),
    clientId: textField(255),
    clientSecret: z
      .string()
      .max(1024, "tooLong:1024")
      .refine((value) => !CONTROL.test(value), "invalidCharacters")
      .optional()
      .transform((value) => (value && value.trim().length > 0 ? value.trim() : null)),
  });
}

export type SsoSettingsInput = z.infer<ReturnType<typeof ssoSettingsSchema>>;
