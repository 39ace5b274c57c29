import { describe, expect, it } from "vitest";
import { buildAtomFeed, escapeXml } from "./atom";

describe("Atom feed", () => {
  it("escapes markup and drops characters XML does not allow", () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("writes one entry per version with its link", () => {
    const xml = buildAtomFeed({
      id: "https://t.example/mpmx/feed.xml",
      title: "MPMX: Maßnahmen <neu>",
      selfUrl: "https://t.example/mpmx/feed.xml",
      alternateUrl: "https://t.example/mpmx/measures/versions",
      updated: "2026-05-01T09:00:00.000Z",
      language: "de",
      author: "MPMX",
      entries: [
        { id: "e2", title: "Version 2", link: "https://t.example/mpmx/measures/compare?from=1&to=2", published: "2026-05-01T09:00:00.000Z", updated: "2026-05-01T09:00:00.000Z", summary: "ä & ß" },
        { id: "e1", title: "Version 1", link: "https://t.example/mpmx/measures/v/1", published: "2025-08-01T09:00:00.000Z", updated: "2025-08-01T09:00:00.000Z", summary: "" },
      ],
    });
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">');
    expect(xml).toContain("<title>MPMX: Maßnahmen &lt;neu&gt;</title>");
    expect(xml).toContain('href="https://t.example/mpmx/measures/compare?from=1&amp;to=2"');
    expect(xml).toContain("<summary type=\"text\">ä &amp; ß</summary>");
    expect(xml).toContain("<author><name>MPMX</name></author>");
  });
});
