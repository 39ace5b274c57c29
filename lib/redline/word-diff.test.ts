import { describe, expect, it } from "vitest";
import { createRandom } from "./generate-document";
import type { Token } from "./types";
import { countChangedWords, countWords, diffWords, tokenize } from "./word-diff";

const side = (tokens: Token[], skip: "insert" | "delete"): string =>
  tokens.filter((t) => t.op !== skip).map((t) => t.text).join("");

describe("tokenize", () => {
  it("keeps words with umlauts, ß and digits whole and splits punctuation per character", () => {
    expect(tokenize("Größe: 24h, ß-Regel…  ok")).toEqual(["Größe", ":", " ", "24h", ",", " ", "ß", "-", "Regel", "…", "  ", "ok"]);
  });

  it("keeps decimal numbers whole", () => {
    expect(tokenize("TLS 1.2, 1.000,50 und 3.")).toEqual(["TLS", " ", "1.2", ",", " ", "1.000,50", " ", "und", " ", "3", "."]);
    expect(diffWords("TLS 1.2 oder höher", "TLS 1.3 oder höher")).toEqual([
      { op: "equal", text: "TLS " },
      { op: "delete", text: "1.2" },
      { op: "insert", text: "1.3" },
      { op: "equal", text: " oder höher" },
    ]);
  });

  it("keeps combining marks (decomposed umlauts) inside the word", () => {
    expect(tokenize("u\u0308ber alles")).toEqual(["u\u0308ber", " ", "alles"]);
  });

  it("counts words only", () => {
    expect(countWords("Art. 32 DSGVO — **Maßnahmen**!")).toBe(4);
    expect(countWords(" ,.- ")).toBe(0);
    expect(countWords("TLS 1.2 kostet 1.000,50 Euro.")).toBe(5);
  });
});

describe("diffWords", () => {
  it("returns one equal token for identical text and nothing for empty text", () => {
    expect(diffWords("Gleich bleibt gleich.", "Gleich bleibt gleich.")).toEqual([{ op: "equal", text: "Gleich bleibt gleich." }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("handles empty old or new text", () => {
    expect(diffWords("", "Neuer Text")).toEqual([{ op: "insert", text: "Neuer Text" }]);
    expect(diffWords("Alter Text", "")).toEqual([{ op: "delete", text: "Alter Text" }]);
  });

  it("groups a multi-word replacement into one deletion and one insertion", () => {
    expect(diffWords("Es gilt die alte Regel ab heute.", "Es gilt die neue Vorgabe ab heute.")).toEqual([
      { op: "equal", text: "Es gilt die " },
      { op: "delete", text: "alte Regel" },
      { op: "insert", text: "neue Vorgabe" },
      { op: "equal", text: " ab heute." },
    ]);
  });

  it("replaces Maßnahmen → Massnahmen as one whole word", () => {
    const tokens = diffWords("Technische Maßnahmen sind umgesetzt.", "Technische Massnahmen sind umgesetzt.");
    expect(tokens).toEqual([
      { op: "equal", text: "Technische " },
      { op: "delete", text: "Maßnahmen" },
      { op: "insert", text: "Massnahmen" },
      { op: "equal", text: " sind umgesetzt." },
    ]);
    expect(countChangedWords(tokens)).toEqual({ inserted: 1, deleted: 1 });
  });

  it("replaces umlaut words whole (Prüfung → Pruefung)", () => {
    expect(diffWords("Jährliche Prüfung", "Jährliche Pruefung")).toEqual([
      { op: "equal", text: "Jährliche " },
      { op: "delete", text: "Prüfung" },
      { op: "insert", text: "Pruefung" },
    ]);
  });

  it("shows an inserted word inside a sentence", () => {
    expect(diffWords("Daten werden verschlüsselt.", "Daten werden stets verschlüsselt.")).toEqual([
      { op: "equal", text: "Daten werden " },
      { op: "insert", text: "stets " },
      { op: "equal", text: "verschlüsselt." },
    ]);
  });

  it("keeps an unchanged word between two changes as equal", () => {
    expect(diffWords("a und c", "x und y")).toEqual([
      { op: "delete", text: "a" },
      { op: "insert", text: "x" },
      { op: "equal", text: " und " },
      { op: "delete", text: "c" },
      { op: "insert", text: "y" },
    ]);
  });

  it("diffs punctuation without counting it as words", () => {
    const tokens = diffWords("Daten werden gelöscht.", "Daten werden gelöscht!");
    expect(tokens).toEqual([
      { op: "equal", text: "Daten werden gelöscht" },
      { op: "delete", text: "." },
      { op: "insert", text: "!" },
    ]);
    expect(countChangedWords(tokens)).toEqual({ inserted: 0, deleted: 0 });
  });

  it("keeps the invariant and merge rules on random text (seeded fuzz)", () => {
    const vocab = ["Maß", "Daten", "über", "ß", "24", " ", " ", "  ", ",", ".", "-", "**", "\n", "é"];
    const rnd = createRandom(42);
    const randomText = (): string =>
      Array.from({ length: Math.floor(rnd() * 30) }, () => vocab[Math.floor(rnd() * vocab.length)]!).join("");
    for (let run = 0; run < 500; run += 1) {
      const a = randomText();
      const b = rnd() < 0.3 ? a : randomText();
      const tokens = diffWords(a, b);
      expect(side(tokens, "insert")).toBe(a);
      expect(side(tokens, "delete")).toBe(b);
      tokens.forEach((t, i) => {
        expect(t.text).not.toBe("");
        expect(tokens[i + 1]?.op).not.toBe(t.op);
        // Within a change, the deletion comes first.
        if (t.op === "insert") expect(tokens[i + 1]?.op).not.toBe("delete");
      });
    }
  });
});
