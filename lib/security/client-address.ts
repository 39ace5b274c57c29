// The client's address for rate limits and the audit log. X-Forwarded-For is a list the client may
// start itself ("X-Forwarded-For: 1.2.3.4" costs nothing), so its first entry proves nothing; each
// reverse proxy appends the address it saw. With `trustedHops` proxies of ours in front, the entry
// that many places from the right is the one our outermost proxy saw: the real client.
// (Next's server sets the header to the socket address only when the request has none.)
export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - Math.max(1, trustedHops))] ?? null;
}
