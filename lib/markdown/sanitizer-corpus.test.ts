import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "@/components/measures/markdown";
import { LiveRedline } from "@/components/measures-editor/live-redline";
import corpus from "./fixtures/xss-corpus.json";

// Section bodies are rendered by lib/markdown + components/measures/markdown.tsx (and, while being
// edited, as a live redline by components/measures-editor/live-redline.tsx). Over a committed
// corpus of attack strings (script and style tags, event handlers, javascript:/data:/vbscript: URLs
// with entity, case, whitespace and control-character tricks, markup in link labels and targets),
// the static markup may contain nothing but the renderer's own tags and attributes, and every href
// is an http(s) or mailto URL.

const ALLOWED_TAGS = new Set(["div", "p", "ul", "ol", "li", "strong", "em", "code", "a", "ins", "del", "span"]);
const ATTRIBUTES = "class|href|rel|data-testid|data-status|aria-live";
// The scheme decides what a link does; quotes or brackets later in the URL are escaped by React (an
// unescaped quote would break the tag's shape, which the tag pattern below would report).
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s\u0000-\u001f\u007f]*$/i;

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" }[lower]!;
  });
}

/** Every problem of one rendered output: a tag or attribute the renderer never writes, an unsafe href. */
function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const closing = /^<\/([a-z]+)>$/.exec(tag);
    if (closing) {
      if (!ALLOWED_TAGS.has(closing[1]!)) problems.push(`closing tag ${tag}`);
      continue;
    }
    // The renderer writes lower-case tags with double-quoted class, href and rel attributes only.
    const open = new RegExp(`^<([a-z]+)((?: (?:${ATTRIBUTES})="[^"<>]*")*)>$`).exec(tag);
    if (!open || !ALLOWED_TAGS.has(open[1]!)) {
      problems.push(`tag ${tag}`);
      continue;
    }
    for (const [, name, raw] of open[2]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
      const value = decodeAttribute(raw!);
      if (name === "href" && (open[1] !== "a" || !SAFE_HREF.test(value))) problems.push(`href ${value}`);
      else if (name !== "href" && /javascript:|vbscript:|data:/i.test(value.replace(/[\s\u0000-\u001f]/g, ""))) problems.push(`${name} ${value}`);
    }
    if (open[1] === "a" && !/ href="/.test(open[2]!)) problems.push(`link without href ${tag}`);
  }
  return problems;
}

const render = (markdown: string) => renderToStaticMarkup(createElement(MarkdownBody, { markdown }));
const LABELS = { inserted: "inserted", deleted: "deleted", unchanged: "unchanged", added: "added" };
/** The attack typed into a section (against a harmless published text), and removed from one. */
const renderRedlines = (attack: string) => [
  renderToStaticMarkup(createElement(LiveRedline, { base: { key: "s", number: "1", title: "Titel", body: "Harmloser Text." }, current: { key: "s", number: "1", title: attack.split("\n")[0]!, body: attack }, labels: LABELS })),
  renderToStaticMarkup(createElement(LiveRedline, { base: { key: "s", number: "1", title: "Titel", body: attack }, current: { key: "s", number: "1", title: "Titel", body: "Harmloser Text." }, labels: LABELS })),
];

describe("the sanitizer corpus", () => {
  it("holds several hundred distinct attack strings", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    expect(new Set(corpus).size).toBe(corpus.length);
  });

  it("the check itself finds executable markup (so it can fail)", () => {
    expect(executableMarkup('<p>ok</p><img src=x onerror="alert(1)">')).toEqual(['tag <img src=x onerror="alert(1)">']);
    expect(executableMarkup('<a href="javascript:alert(1)" rel="nofollow noopener" class="x">x</a>')).toEqual(["href javascript:alert(1)"]);
    expect(executableMarkup('<a href="&#106;avascript:alert(1)">x</a>')).toEqual(["href javascript:alert(1)"]);
    expect(executableMarkup('<p class="javascript:alert(1)">x</p>')).toEqual(["class javascript:alert(1)"]);
    expect(executableMarkup('<p onclick="alert(1)">x</p>')).toEqual(['tag <p onclick="alert(1)">']);
    expect(executableMarkup("<script>alert(1)</script>")).toEqual(["tag <script>", "closing tag </script>"]);
    expect(executableMarkup('<p class="a">x <strong>y</strong> <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener" class="u">l</a></p>')).toEqual([]);
  });

  it.each(corpus.map((attack, index) => [index, attack] as const))("#%i renders without executable markup", (_, attack) => {
    const html = render(attack);
    expect(executableMarkup(html), html).toEqual([]);
  });

  it.each(corpus.map((attack, index) => [index, attack] as const))("#%i in the editor's live redline renders without executable markup", (_, attack) => {
    for (const html of renderRedlines(attack)) expect(executableMarkup(html), html).toEqual([]);
  });

  it("keeps safe links and the text of everything else", () => {
    expect(render("[Docs](https://example.com/docs) and <script>alert(1)</script>")).toBe(
      '<div class="doc-text"><p><a href="https://example.com/docs" rel="nofollow noopener" class="text-brand underline">Docs</a> and &lt;script&gt;alert(1)&lt;/script&gt;</p></div>',
    );
    expect(render("[x](javascript:alert(1))")).toBe('<div class="doc-text"><p>[x](javascript:alert(1))</p></div>');
    // The live redline shows typed markup as inserted text.
    const [typed] = renderRedlines("<img src=x onerror=alert(1)>");
    expect(typed).toContain("<ins>");
    expect(typed).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
