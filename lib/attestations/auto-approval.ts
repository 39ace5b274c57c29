import { isFreeMailDomain } from "./free-mail-domains";

// Auto-approval: a request from an address in one of the tenant's allow-listed company domains is
// approved and issued at once. Only the exact domain counts (a subdomain must be listed itself, so
// "mail.example.com" is not "example.com"), compared after lower-casing and without a trailing
// dot; a free-mail domain never qualifies, even when someone lists it.

/** The domain part of an address, lower-case; null unless there is exactly one "@" with text on both sides. */
export function emailDomain(email: string): string | null {
  const at = email.indexOf("@");
  if (at <= 0 || at === email.length - 1 || email.indexOf("@", at + 1) !== -1) return null;
  return normalizeDomain(email.slice(at + 1));
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.+$/, "");
}

export function qualifiesForAutoApproval(email: string, allowList: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (!domain || isFreeMailDomain(domain)) return false;
  return allowList.some((entry) => {
    const allowed = normalizeDomain(entry);
    return allowed.length > 0 && allowed === domain && !isFreeMailDomain(allowed);
  });
}
