// A minimal Atom 1.0 (RFC 4287) writer: every text goes through escapeXml.

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  updated: string;
  language: string;
  author: string;
  entries: AtomEntry[];
}

export function escapeXml(text: string): string {
  return text
    // Characters that XML 1.0 does not allow at all are dropped rather than escaped.
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function buildAtomFeed(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title>${e(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>
    <published>${e(entry.published)}</published>
    <updated>${e(entry.updated)}</updated>
    <summary type="text">${e(entry.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(feed.language)}">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateUrl)}"/>
  <updated>${e(feed.updated)}</updated>
  <author><name>${e(feed.author)}</name></author>
${entries.join("\n")}
</feed>
`;
}
