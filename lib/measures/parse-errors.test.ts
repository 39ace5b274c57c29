import { describe, expect, it } from "vitest";
import { parseMeasures, type ParseIssue, type ParseResult } from "./parse";

/** Builds a document from lines, so that every expected line number can be read off the array index + 1. */
const doc = (...lines: string[]) => lines.join("\n");

function errorsOf(result: ParseResult): ParseIssue[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.document)}`);
  return result.errors;
}

const CLOSING = "Gilt ab sofort. Letzte Aktualisierung: 01. Juni 2026";

describe("errors, each with its line", () => {
  it.each(["", "\n  \n\t\n", "\uFEFF", "\uFEFF\r\n\r\n"])("empty input %j -> line 1", (text) => {
    expect(parseMeasures(text)).toEqual({ ok: false, errors: [{ line: 1, code: "empty" }] });
  });

  it("missing title: the first line is already a numbered heading", () => {
    expect(parseMeasures(doc("", "1. Eins", "", "Text.", "", CLOSING))).toEqual({
      ok: false,
      errors: [{ line: 2, code: "missing-title" }],
    });
  });

  it("missing title: the first line is a bullet or the closing marker", () => {
    expect(errorsOf(parseMeasures(doc("- Punkt", "", "1. Eins", "", "Text.", "", CLOSING)))).toEqual([
      { line: 1, code: "missing-title" },
    ]);
    expect(errorsOf(parseMeasures(doc("Letzte Aktualisierung: 1. Juni 2026")))).toEqual([
      { line: 1, code: "missing-title" },
      { line: 1, code: "no-sections" },
    ]);
  });

  it("missing title in Markdown: an empty '#' or a document starting with '##'", () => {
    expect(errorsOf(parseMeasures(doc("# ", "", "## Eins", "", "Text.", "", CLOSING)))).toEqual([
      { line: 1, code: "missing-title" },
    ]);
    expect(errorsOf(parseMeasures(doc("", "", "## Eins", "", "Text.", "", CLOSING)))).toEqual([
      { line: 3, code: "missing-title" },
    ]);
  });

  it("number out of sequence: a gap is reported once", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", "3. Drei", "", "b", "", "4. Vier", "", "c", "", CLOSING);
    expect(errorsOf(parseMeasures(text))).toEqual([
      { line: 7, code: "number-out-of-sequence", params: { expected: 2, found: 3 } },
    ]);
  });

  it("number out of sequence: a typo and a repeated number are each reported once", () => {
    const typo = doc("Titel", "", "1. Eins", "", "a", "", "5. Zwei", "", "b", "", "3. Drei", "", "c", "", CLOSING);
    expect(errorsOf(parseMeasures(typo))).toEqual([
      { line: 7, code: "number-out-of-sequence", params: { expected: 2, found: 5 } },
    ]);
    const repeated = doc("Titel", "", "1. A", "", "a", "", "1. B", "", "b", "", "2. C", "", "c", "", CLOSING);
    expect(errorsOf(parseMeasures(repeated))).toEqual([
      { line: 7, code: "number-out-of-sequence", params: { expected: 2, found: 1 } },
    ]);
  });

  it("number out of sequence: the first section must be 1, also in Markdown", () => {
    expect(errorsOf(parseMeasures(doc("Titel", "", "0. Null", "", "a", "", CLOSING)))).toEqual([
      { line: 3, code: "number-out-of-sequence", params: { expected: 1, found: 0 } },
    ]);
    expect(errorsOf(parseMeasures(doc("# Titel", "", "## 2. Zwei", "", "a", "", CLOSING)))).toEqual([
      { line: 3, code: "number-out-of-sequence", params: { expected: 1, found: 2 } },
    ]);
  });

  it("empty heading: a number without a title, in plain text and Markdown", () => {
    expect(errorsOf(parseMeasures(doc("Titel", "", "1. Eins", "", "a", "", "2.", "", "b", "", CLOSING)))).toEqual([
      { line: 7, code: "empty-heading" },
    ]);
    expect(errorsOf(parseMeasures(doc("# Titel", "", "## 1.", "", "a", "", "##", "", "b", "", CLOSING)))).toEqual([
      { line: 3, code: "empty-heading" },
      { line: 7, code: "empty-heading" },
    ]);
  });

  it("empty section: followed by another heading, by the closing paragraph, or by the end", () => {
    const text = doc("Titel", "", "1. Eins", "", "2. Zwei", "", "b", "", "3. Drei", "", CLOSING);
    expect(errorsOf(parseMeasures(text))).toEqual([
      { line: 3, code: "empty-section" },
      { line: 9, code: "empty-section" },
    ]);
    expect(errorsOf(parseMeasures(doc("Titel", "", "1. Eins", "", "a", "", "2. Zwei", "")))).toEqual([
      { line: 7, code: "empty-section" },
    ]);
  });

  it("empty section: a body of empty bullets counts as empty", () => {
    expect(errorsOf(parseMeasures(doc("Titel", "", "1. Eins", "", "-", "-", "", CLOSING)))).toEqual([
      { line: 3, code: "empty-section" },
    ]);
  });

  it.each([
    ["Letzte Aktualisierung: 31. Februar 2026", "31. Februar 2026"],
    ["Letzte Aktualisierung: 29. Februar 2026", "29. Februar 2026"],
    ["Letzte Aktualisierung: 1. Juno 2026", "1. Juno 2026"],
    ["Letzte Aktualisierung: 01.13.2026", "01.13.2026"],
    ["Last updated: 2026-06-31.", "2026-06-31"],
    ["Last updated: soon.", "soon"],
    ["Last updated: 2026-06-01T10:00", "2026-06-01T10:00"],
    ["Last updated: June 2026", "June 2026"],
    ["Letzte Aktualisierung:", ""],
  ])("invalid date: %j -> value %j", (marker, value) => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", `Gilt ab sofort. ${marker}`);
    expect(parseMeasures(text)).toEqual({ ok: false, errors: [{ line: 7, code: "invalid-date", params: { value } }] });
  });

  it("invalid date: a long value is shortened for the message", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", `Last updated: ${"x".repeat(100)}`);
    expect(errorsOf(parseMeasures(text))).toEqual([
      { line: 7, code: "invalid-date", params: { value: `${"x".repeat(60)}…` } },
    ]);
  });

  it("invalid date: the line is the marker's line when the paragraph is wrapped", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", "Gilt ab", "sofort.", "Letzte Aktualisierung: gestern");
    expect(errorsOf(parseMeasures(text))).toEqual([{ line: 9, code: "invalid-date", params: { value: "gestern" } }]);
  });

  it("text after closing: reported once, at the first line after the closing paragraph", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", CLOSING, "", "", "Nachtrag.", "", "2. Zwei", "", "b");
    expect(parseMeasures(text)).toEqual({ ok: false, errors: [{ line: 10, code: "text-after-closing" }] });
  });

  it("control characters: one error per line, with the code point; tab is allowed", () => {
    const text = doc("Titel", "", "1. Eins", "", "a\u0007b\u0000", "Spalte\tSpalte", "c\u0085", "", CLOSING);
    expect(errorsOf(parseMeasures(text))).toEqual([
      { line: 5, code: "control-character", params: { char: "U+0007" } },
      { line: 7, code: "control-character", params: { char: "U+0085" } },
    ]);
  });

  it("line too long: more than 5000 characters (code points, not UTF-16 units)", () => {
    const long = doc("Titel", "", "1. Eins", "", "x".repeat(5001), "", CLOSING);
    expect(errorsOf(parseMeasures(long))).toEqual([
      { line: 5, code: "line-too-long", params: { length: 5001, max: 5000 } },
    ]);
    expect(parseMeasures(doc("Titel", "", "1. Eins", "", "x".repeat(5000), "", CLOSING)).ok).toBe(true);
    expect(parseMeasures(doc("Titel", "", "1. Eins", "", "😀".repeat(3000), "", CLOSING)).ok).toBe(true);
  });

  it("no sections: reported at the first non-blank line", () => {
    expect(parseMeasures(doc("", "Titel", "", "Nur Einleitung.", "", CLOSING))).toEqual({
      ok: false,
      errors: [{ line: 2, code: "no-sections" }],
    });
    expect(errorsOf(parseMeasures("Titel"))).toEqual([{ line: 1, code: "no-sections" }]);
  });

  it("collects all errors in line order instead of stopping at the first", () => {
    const text = doc(
      "1. Kein Titel", // 1 missing-title
      "",
      "Text\u0001.", // 3 control-character
      "",
      "3. Drei", // 5 number-out-of-sequence
      "",
      "Text.",
      "",
      "4.", // 9 empty-heading + empty-section
      "",
      "5. Fünf",
      "",
      "Text.",
      "",
      "Letzte Aktualisierung: 32. Mai 2026", // 15 invalid-date
      "",
      "Nachtrag.", // 17 text-after-closing
    );
    expect(parseMeasures(text)).toEqual({
      ok: false,
      errors: [
        { line: 1, code: "missing-title" },
        { line: 3, code: "control-character", params: { char: "U+0001" } },
        { line: 5, code: "number-out-of-sequence", params: { expected: 2, found: 3 } },
        { line: 9, code: "empty-heading" },
        { line: 9, code: "empty-section" },
        { line: 15, code: "invalid-date", params: { value: "32. Mai 2026" } },
        { line: 17, code: "text-after-closing" },
      ],
    });
  });

  it("a duplicate title is not an error", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", "2. Eins", "", "b", "", CLOSING);
    expect(parseMeasures(text).ok).toBe(true);
  });
});

describe("warnings", () => {
  it("no effective date: ok result without closing section, warned at the last non-blank line", () => {
    expect(parseMeasures(doc("Titel", "", "1. Eins", "", "a", "", "", ""))).toEqual({
      ok: true,
      document: {
        title: "Titel",
        effectiveDate: null,
        sections: [{ key: "eins", number: "1", title: "Eins", body: "a" }],
      },
      warnings: [{ line: 5, code: "no-effective-date" }],
    });
  });

  it("empty list items are dropped with a warning", () => {
    const result = parseMeasures(doc("Titel", "", "1. Eins", "", "- a", "-", "- b", "", CLOSING));
    expect(result).toEqual({
      ok: true,
      document: {
        title: "Titel",
        effectiveDate: "2026-06-01",
        sections: [
          { key: "eins", number: "1", title: "Eins", body: "- a\n- b" },
          { key: "closing", number: null, title: "", body: "Gilt ab sofort." },
        ],
      },
      warnings: [{ line: 6, code: "empty-list-item" }],
    });
  });

  it("warnings are not reported when there are errors", () => {
    expect(parseMeasures(doc("Titel", "", "1.", "", "-", ""))).toEqual({
      ok: false,
      errors: [
        { line: 3, code: "empty-heading" },
        { line: 3, code: "empty-section" },
      ],
    });
  });
});
