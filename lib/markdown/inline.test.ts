import { describe, expect, it } from "vitest";
import { type Inline, parseInline, plainText } from "./inline";

const t = (text: string): Inline => ({ type: "text", text });

describe("parseInline", () => {
  it("returns plain text unchanged, including umlauts", () => {
    expect(parseInline("Größe, Maße und Übermaß")).toEqual([t("Größe, Maße und Übermaß")]);
    expect(parseInline("")).toEqual([]);
  });

  it("parses strong, em (both markers) and code", () => {
    expect(parseInline("**fett** *kursiv* _auch_ `code`")).toEqual([
      { type: "strong", children: [t("fett")] },
      t(" "),
      { type: "em", children: [t("kursiv")] },
      t(" "),
      { type: "em", children: [t("auch")] },
      t(" "),
      { type: "code", text: "code" },
    ]);
  });

  it("nests emphasis", () => {
    expect(parseInline("**fett *und kursiv* fett**")).toEqual([
      { type: "strong", children: [t("fett "), { type: "em", children: [t("und kursiv")] }, t(" fett")] },
    ]);
    expect(parseInline("*kursiv **fett** kursiv*")).toEqual([
      { type: "em", children: [t("kursiv "), { type: "strong", children: [t("fett")] }, t(" kursiv")] },
    ]);
    expect(parseInline("***beides***")).toEqual([
      { type: "em", children: [{ type: "strong", children: [t("beides")] }] },
    ]);
  });

  it("leaves unclosed or unflanked markers as literal text", () => {
    expect(parseInline("**nicht geschlossen")).toEqual([t("**nicht geschlossen")]);
    expect(parseInline("a ** b ** c")).toEqual([t("a ** b ** c")]);
    expect(parseInline("2 * 3 * 4")).toEqual([t("2 * 3 * 4")]);
    expect(parseInline("**fett* rest")).toEqual([t("*"), { type: "em", children: [t("fett")] }, t(" rest")]);
    expect(parseInline("`offen")).toEqual([t("`offen")]);
  });

  it("does not emphasise inside words with underscores", () => {
    expect(parseInline("snake_case_name und _ja_")).toEqual([t("snake_case_name und "), { type: "em", children: [t("ja")] }]);
  });

  it("does not parse markup inside code spans", () => {
    expect(parseInline("`**x** <b>`")).toEqual([{ type: "code", text: "**x** <b>" }]);
    expect(parseInline("`` a`b ``")).toEqual([{ type: "code", text: "a`b" }]);
  });

  it("honours backslash escapes", () => {
    expect(parseInline("\\*kein\\* \\[Link](https://x.de)")).toEqual([t("*kein* [Link](https://x.de)")]);
  });

  it("parses http, https and mailto links with inline children", () => {
    expect(parseInline("Siehe [**BSI**](https://www.bsi.bund.de/a_(b)) oder [Mail](mailto:sec@example.com).")).toEqual([
      t("Siehe "),
      { type: "link", href: "https://www.bsi.bund.de/a_(b)", children: [{ type: "strong", children: [t("BSI")] }] },
      t(" oder "),
      { type: "link", href: "mailto:sec@example.com", children: [t("Mail")] },
      t("."),
    ]);
    expect(parseInline("[x](https://a.de/\\)b)")).toEqual([{ type: "link", href: "https://a.de/)b", children: [t("x")] }]);
    expect(parseInline("[x](HTTP://EXAMPLE.COM)")).toEqual([{ type: "link", href: "HTTP://EXAMPLE.COM", children: [t("x")] }]);
  });

  it("keeps javascript:, data:, relative and whitespace-containing targets as literal text", () => {
    expect(parseInline("[x](javascript:alert(1))")).toEqual([t("[x](javascript:alert(1))")]);
    expect(parseInline("[x]( JavaScript:alert(1) )")).toEqual([t("[x]( JavaScript:alert(1) )")]);
    expect(parseInline("[x](data:text/html,<b>)")).toEqual([t("[x](data:text/html,<b>)")]);
    expect(parseInline("[x](/intern)")).toEqual([t("[x](/intern)")]);
    expect(parseInline('[x](https://a.de "Titel")')).toEqual([t('[x](https://a.de "Titel")')]);
    // The rejected URL must not pair its underscore with one outside.
    expect(parseInline("[x](javascript:a_b) c_")).toEqual([t("[x](javascript:a_b) c_")]);
  });

  it("does not nest links and leaves unclosed brackets alone", () => {
    expect(parseInline("[a [b](https://b.de)](https://a.de)")).toEqual([
      { type: "link", href: "https://a.de", children: [t("a [b](https://b.de)")] },
    ]);
    expect(parseInline("[offen (https://x.de)")).toEqual([t("[offen (https://x.de)")]);
  });

  it("stays fast on adversarial input (no quadratic rescans)", () => {
    const start = performance.now();
    expect(parseInline("a* ".repeat(10_000))).toEqual([t("a* ".repeat(10_000))]);
    expect(parseInline("[".repeat(10_000))).toEqual([t("[".repeat(10_000))]);
    parseInline("*_".repeat(10_000));
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("keeps raw HTML as literal text", () => {
    expect(parseInline("<script>alert('x')</script> <b>fett</b>")).toEqual([t("<script>alert('x')</script> <b>fett</b>")]);
  });
});

describe("plainText", () => {
  it("strips markup and separates blocks", () => {
    const md = "Die **Maßnahmen** gelten [hier](https://x.de).\n\n- `TLS` 1.3\n- *Härtung*\n\n1. Ende";
    expect(plainText(md)).toBe("Die Maßnahmen gelten hier.\n\nTLS 1.3\nHärtung\n\nEnde");
  });

  it("keeps unsafe links and HTML as visible text", () => {
    expect(plainText("[x](javascript:alert(1)) <script>")).toBe("[x](javascript:alert(1)) <script>");
  });

  it("returns an empty string for an empty body", () => {
    expect(plainText("")).toBe("");
  });
});
