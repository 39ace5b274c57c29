// @ts-check
import { createHash } from "node:crypto";

// What a cached public page carries in scripts, decided once when it enters the cache:
// - the documents (measures, history, redline, certifications, the site's pages) are served as
//   plain HTML: Next's scripts and its RSC payload are removed. They need no JavaScript to read or
//   navigate (links, GET forms, <details>); without the payload the measures page is a third of
//   its size, and a page without any script cannot run an injected one (script-src 'none');
// - the pages with an interactive form (PAGES_WITH_SCRIPTS) keep Next's scripts and get a policy
//   naming the SHA-256 of each inline one (Next's RSC payload, self.__next_f.push(...)). A cached
//   page cannot carry a per-request nonce; the hashes are the equivalent for one fixed HTML.
// Plain JavaScript: Next imports the cache handler that uses it at runtime, unbundled.

export const SCRIPT_POLICY_HEADER = "content-security-policy";

/**
 * Routes (app directory, as Next names them in the x-next-cache-tags header) whose cached HTML
 * keeps Next's scripts: they render a client component. server/cache/page-cache-handler.test.ts
 * checks this list against the cached pages that import one.
 */
export const PAGES_WITH_SCRIPTS = new Set(["/[tenant]/[lang]/subscribe/page"]);

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;
// Next's hints for its script chunks: <link rel="preload" as="script" …> and rel="modulepreload".
const SCRIPT_HINT = /<link\b(?=[^>]*\bas="script")[^>]*>|<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi;
const ROUTE_TAG_PREFIX = "_N_T_";

/**
 * The route of a cached page from its implicit cache tags ("_N_T_/[tenant]/[lang]/measures/page"
 * → "/[tenant]/[lang]/measures/page"), or null.
 * @param {Record<string, unknown> | undefined} headers
 * @returns {string | null}
 */
export function pageRoute(headers) {
  const tags = headers?.["x-next-cache-tags"];
  if (typeof tags !== "string") return null;
  const tag = tags.split(",").find((t) => t.startsWith(`${ROUTE_TAG_PREFIX}/`) && t.endsWith("/page"));
  return tag ? tag.slice(ROUTE_TAG_PREFIX.length) : null;
}

/**
 * The HTML without any <script> element and without Next's preload hints for scripts.
 * @param {string} html
 * @returns {string}
 */
export function withoutScripts(html) {
  return html.replace(SCRIPT_ELEMENT, "").replace(SCRIPT_HINT, "");
}

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
 * The second policy of a cached page: no script at all when its HTML has none, else scripts from
 * this origin and the listed inline ones only.
 * @param {string} html
 * @returns {string}
 */
export function scriptPolicy(html) {
  if (!/<script\b/i.test(html)) return "script-src 'none'";
  const hashes = inlineScriptHashes(html);
  return [`script-src 'self'${hashes.map((hash) => ` ${hash}`).join("")}`, "script-src-attr 'none'"].join("; ");
}

/**
 * Prepares a cached App Router page (kind APP_PAGE with its HTML) once: a document loses its
 * scripts, and every page gets its script policy, which also marks it as prepared. Changes nothing
 * else. Mutates the entry: the response cache serves the same object, so the response that
 * rendered the page is served prepared too.
 * @param {{ kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined} value
 * @returns {void}
 */
export function preparePage(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return;
  const headers = value.headers ?? (value.headers = {});
  if (typeof headers[SCRIPT_POLICY_HEADER] === "string") return;
  const route = pageRoute(headers);
  if (route === null || !PAGES_WITH_SCRIPTS.has(route)) value.html = withoutScripts(value.html);
  headers[SCRIPT_POLICY_HEADER] = scriptPolicy(value.html);
}
