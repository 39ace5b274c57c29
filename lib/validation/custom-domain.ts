import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { z } from "zod";
import { isDnsName, isValidCustomDomain } from "@/lib/routing/host";

// The custom-domain section of a tenant's settings. The domain is stored the way the proxy will
// look a Host header up (lib/routing/host.ts normalizeHost): lower case, no trailing dot, IDNs in
// punycode. Messages are keys: plain ones are errors.validation.*, "customDomain.*" ones are
// settings.customDomain.errors.* (translated by the settings action). Server-side only (node:url).

export type CustomDomainProblem = "invalid" | "ipAddress" | "appHost";
export type CustomDomainCheck = { ok: true; domain: string } | { ok: false; problem: CustomDomainProblem };

/** What a user typed, as a host name: null when it is none (URL parts, wildcards, spaces, …). */
export function normalizeCustomDomain(raw: string): string | null {
  const candidate = raw.trim().toLowerCase().replace(/\.$/, "");
  // domainToASCII would quietly drop a path; a pasted URL should be an error instead.
  if (candidate.length === 0 || /[\s/\\:@?#%*\u0000-\u001f\u007f]/u.test(candidate)) return null;
  const ascii = domainToASCII(candidate);
  return ascii.length > 0 ? ascii : null;
}

/** Whether a tenant may claim what the user typed as its custom domain, and as which stored value. */
export function checkCustomDomain(raw: string, appHost: string): CustomDomainCheck {
  const domain = normalizeCustomDomain(raw);
  if (domain === null) {
    return { ok: false, problem: isIP(raw.trim().replace(/^\[(.*)\]$/, "$1")) ? "ipAddress" : "invalid" };
  }
  // A numeric last label is an IPv4 address (domainToASCII has turned 0x7f.1 into 127.0.0.1 already).
  if (/^\d+$/.test(domain.split(".").at(-1) ?? "")) return { ok: false, problem: "ipAddress" };
  // localhost has no dot, so the two-label rule refuses it; named for the reader.
  if (domain === "localhost" || !isDnsName(domain) || domain.split(".").length < 2) return { ok: false, problem: "invalid" };
  // What remains for isValidCustomDomain to refuse is the app's own host (it serves every tenant by path).
  return isValidCustomDomain(domain, appHost.toLowerCase()) ? { ok: true, domain } : { ok: false, problem: "appHost" };
}

/** The form that sets the custom domain; `appHost` is APP_ORIGIN's host. */
export function customDomainSchema({ appHost }: { appHost: string }) {
  return z.object({
    domain: z
      .string({ error: "required" })
      .trim()
      .min(1, { message: "required", abort: true })
      // Unicode input grows in punycode; the 253 limit of the ASCII form is isDnsName's.
      .max(253, { message: "tooLong:253", abort: true })
      .transform((value, ctx) => {
        const checked = checkCustomDomain(value, appHost);
        if (checked.ok) return checked.domain;
        ctx.addIssue({ code: "custom", message: `customDomain.${checked.problem}` });
        return z.NEVER;
      }),
  });
}

export type CustomDomainInput = z.infer<ReturnType<typeof customDomainSchema>>;
