import { describe, expect, it } from "vitest";
import { parseBlocks } from "./blocks";

describe("parseBlocks", () => {
  it("returns no blocks for empty or blank input", () => {
    expect(parseBlocks("")).toEqual([]);
    expect(parseBlocks("  \n\n\t\n")).toEqual([]);
  });

  it("splits paragraphs on blank lines and joins soft line breaks with a space", () => {
    expect(parseBlocks("Erste Zeile\n  zweite Zeile  \n\n\nNeuer Absatz")).toEqual([
      { type: "paragraph", text: "Erste Zeile zweite Zeile" },
      { type: "paragraph", text: "Neuer Absatz" },
    ]);
  });

  it("handles CRLF and CR line endings", () => {
    expect(parseBlocks("a\r\nb\r\n\r\nc\rd")).toEqual([
      { type: "paragraph", text: "a b" },
      { type: "paragraph", text: "c d" },
    ]);
  });

  it("emits one item block per bullet line, with - or *", () => {
    expect(parseBlocks("Intro:\n- eins\n* zwei\n-   drei  ")).toEqual([
      { type: "paragraph", text: "Intro:" },
      { type: "item", ordered: false, text: "eins" },
      { type: "item", ordered: false, text: "zwei" },
      { type: "item", ordered: false, text: "drei" },
    ]);
  });

  it("recognises ordered items", () => {
    expect(parseBlocks("1. Schritt\n2. Schritt\n10. Schritt")).toEqual([
      { type: "item", ordered: true, text: "Schritt" },
      { type: "item", ordered: true, text: "Schritt" },
      { type: "item", ordered: true, text: "Schritt" },
    ]);
  });

  it("does not mistake emphasis, bare markers or numbers without a dot for items", () => {
    expect(parseBlocks("*kursiv* am Anfang")).toEqual([{ type: "paragraph", text: "*kursiv* am Anfang" }]);
    expect(parseBlocks("**fett**")).toEqual([{ type: "paragraph", text: "**fett**" }]);
    expect(parseBlocks("-\n-ohne Leerzeichen")).toEqual([{ type: "paragraph", text: "- -ohne Leerzeichen" }]);
    expect(parseBlocks("2024 war ein Jahr")).toEqual([{ type: "paragraph", text: "2024 war ein Jahr" }]);
  });

  it("continues an item with a following plain line and ends it at a blank line", () => {
    expect(parseBlocks("- Punkt\n  Fortsetzung\n\nAbsatz")).toEqual([
      { type: "item", ordered: false, text: "Punkt Fortsetzung" },
      { type: "paragraph", text: "Absatz" },
    ]);
  });

  it("keeps HTML and umlauts as literal text", () => {
    expect(parseBlocks("<script>alert(1)</script>\n\n- Maßnahmen für Überprüfung")).toEqual([
      { type: "paragraph", text: "<script>alert(1)</script>" },
      { type: "item", ordered: false, text: "Maßnahmen für Überprüfung" },
    ]);
  });
});
