// Host header values are client input: normalized and validated before they select a tenant.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The DNS name a request was addressed to: lower-case, without port and trailing dot; null for
 * anything that is not a plain DNS name (IPv6 literals, user info, paths, empty or oversized values).
 */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 260) return null;
  let host = raw.trim().toLowerCase();
  const port = /:(\d{1,5})$/.exec(host);
  if (port) host = host.slice(0, port.index);
  if (host.endsWith(".")) host = host.slice(0, -1);
  return isDnsName(host) ? host : null;
}

/** A hostname made of 1–63 character labels (letters, digits, inner hyphens), at most 253 characters. */
export function isDnsName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  return host.split(".").every((label) => LABEL.test(label));
}

/**
 * Whether a tenant may claim `domain` as its custom domain: a DNS name with at least two labels, not
 * an IP address, and not the application's own host (that one serves every tenant by path).
 */
export function isValidCustomDomain(domain: string, appHost: string): boolean {
  if (domain !== domain.toLowerCase() || !isDnsName(domain)) return false;
  const labels = domain.split(".");
  // A numeric last label is an IPv4 address (or no valid TLD).
  if (labels.length < 2 || /^\d+$/.test(labels[labels.length - 1] ?? "")) return false;
  return domain !== appHost;
}
