// @ts-check
import { createHash } from "node:crypto";

// The Content-Security-Policy a cached public page carries beside the proxy's: it names the
// SHA-256 of every inline <script> in that exact HTML, so those scripts (Next's RSC payload,
// self.__next_f.push(...), and React's boundary scripts) run and no other inline script does.
// Plain JavaScript: Next imports the cache handler that uses it at runtime, unbundled.

export const SCRIPT_POLICY_HEADER = "content-security-policy";

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;

/**
 * 'sha256-…' sources for the inline scripts of `html`, in document order, without duplicates.
 * Scripts with a src are covered by 'self'. The browser hashes the text after the HTML parser's
 * newline normalization (CR LF and CR become LF), so the hash is taken of that text too.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const text = body.replace(/\r\n?/g, "\n");
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The second policy of a cached page: scripts from this origin and the listed inline ones only.
 * @param {readonly string[]} hashes
 * @returns {string}
 */
export function scriptPolicy(hashes) {
  return [`script-src 'self'${hashes.map((hash) => ` ${hash}`).join("")}`, "script-src-attr 'none'"].join("; ");
}

/**
 * Adds the script policy to a cached App Router page (kind APP_PAGE with its HTML) that has none
 * yet; changes nothing else. Mutates the entry's headers: the response cache serves the same
 * object, so the first response (the one that rendered the page) carries the policy too.
 * @param {{ kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined} value
 * @returns {void}
 */
export function attachScriptPolicy(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return;
  const headers = value.headers ?? (value.headers = {});
  if (typeof headers[SCRIPT_POLICY_HEADER] === "string") return;
  headers[SCRIPT_POLICY_HEADER] = scriptPolicy(inlineScriptHashes(value.html));
}
