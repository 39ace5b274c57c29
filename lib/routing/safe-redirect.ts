// Redirect targets that come from a request (?next=, callbackUrl) must stay on this site:
// only an absolute path, never "//host", "/\host", a scheme or control characters.
export function safeRedirectPath(candidate: unknown, fallback = "/account"): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 512) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/u.test(candidate)) return fallback;
  try {
    const resolved = new URL(candidate, "http://vouchsafe.invalid");
    if (resolved.origin !== "http://vouchsafe.invalid") return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}
