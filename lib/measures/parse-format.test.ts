import { describe, expect, it } from "vitest";
import { parseMeasures, type ParsedDocument, type ParseResult } from "./parse";

const doc = (...lines: string[]) => lines.join("\n");

function documentOf(result: ParseResult): ParsedDocument {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.document;
}

/** Body of the only numbered section of a minimal document. */
function bodyOf(...bodyLines: string[]): string {
  const parsed = documentOf(parseMeasures(doc("Titel", "", "1. Eins", "", ...bodyLines, "", "Last updated: 2026-06-01")));
  return parsed.sections.find((s) => s.number === "1")?.body ?? "(missing)";
}

describe("closing marker and effective date", () => {
  it.each([
    ["Letzte Aktualisierung: 01. Juni 2026.", "2026-06-01"],
    ["Letzte Aktualisierung: 1. Juni 2026", "2026-06-01"],
    ["Letzte Aktualisierung: 1.März 2026", "2026-03-01"],
    ["Letzte Aktualisierung: 15. maerz 2026", "2026-03-15"],
    ["Letzte Aktualisierung: 2. Jänner 2027", "2027-01-02"],
    ["Letzte Aktualisierung: 29. Februar 2028", "2028-02-29"],
    ["Letzte Aktualisierung: 31. Dezember 2026", "2026-12-31"],
    ["Letzte Aktualisierung: 01.06.2026", "2026-06-01"],
    ["Letzte Aktualisierung: 2026-06-01", "2026-06-01"],
    ["Last updated: 1 June 2026", "2026-06-01"],
    ["Last updated: June 1, 2026.", "2026-06-01"],
    ["Last updated: June 1 2026", "2026-06-01"],
    ["Last updated: 2026-06-01", "2026-06-01"],
    ["last updated:   1 march 2026", "2026-03-01"],
    ["LETZTE AKTUALISIERUNG: 1. OKTOBER 2026", "2026-10-01"],
  ])("%j -> %s", (marker, date) => {
    const parsed = documentOf(parseMeasures(doc("Titel", "", "1. Eins", "", "a", "", `Gilt ab sofort. ${marker}`)));
    expect(parsed.effectiveDate).toBe(date);
    expect(parsed.sections.at(-1)).toEqual({ key: "closing", number: null, title: "", body: "Gilt ab sofort." });
  });

  it("has no closing section when the paragraph holds only the marker", () => {
    const parsed = documentOf(parseMeasures(doc("Titel", "", "1. Eins", "", "a", "", "Last updated: 1 June 2026.")));
    expect(parsed.effectiveDate).toBe("2026-06-01");
    expect(parsed.sections.map((s) => s.key)).toEqual(["eins"]);
  });

  it("keeps text that follows the date inside the marker paragraph", () => {
    const text = doc("Title", "", "1. One", "", "a", "", "Last updated: 1 June 2026. Earlier versions on request.");
    expect(documentOf(parseMeasures(text)).sections.at(-1)?.body).toBe("Earlier versions on request.");
  });

  it("finds a marker and date wrapped over several lines", () => {
    const text = doc("Titel", "", "1. Eins", "", "a", "", "Gilt ab", "sofort. Letzte", "Aktualisierung:", "1. Juni 2026");
    const parsed = documentOf(parseMeasures(text));
    expect(parsed.effectiveDate).toBe("2026-06-01");
    expect(parsed.sections.at(-1)?.body).toBe("Gilt ab sofort.");
  });
});

describe("section bodies", () => {
  it("joins a bullet's continuation lines to it with a space", () => {
    expect(bodyOf("- erster Punkt,", "  der weitergeht", "- zweiter Punkt", "\tmit Tab eingerückt")).toBe(
      "- erster Punkt, der weitergeht\n- zweiter Punkt mit Tab eingerückt",
    );
  });

  it("separates a lead-in line from the list that follows it without a blank line", () => {
    expect(bodyOf("Einschließlich:", "- a", "- b")).toBe("Einschließlich:\n\n- a\n- b");
  });

  it("keeps lists separated by a blank line apart and joins wrapped paragraph lines", () => {
    expect(bodyOf("- a", "", "- b", "", "Ein Absatz,", "umbrochen.", "", "", "", "Noch einer.")).toBe(
      "- a\n\n- b\n\nEin Absatz, umbrochen.\n\nNoch einer.",
    );
  });

  it("trims outer whitespace and keeps inline text verbatim", () => {
    expect(bodyOf("   Text mit  zwei Leerzeichen, Tab\tund *Sternchen*   ", "-   eingerückter Punkt  ")).toBe(
      "Text mit  zwei Leerzeichen, Tab\tund *Sternchen*\n\n- eingerückter Punkt",
    );
  });

  it("treats '3.1 …', '-5 °C' and a numbered line inside a paragraph as text, not structure", () => {
    expect(bodyOf("3.1 Unterabschnitt", "", "-5 °C Mindesttemperatur", "", "Siehe:", "2. Absatz")).toBe(
      "3.1 Unterabschnitt\n\n-5 °C Mindesttemperatur\n\nSiehe: 2. Absatz",
    );
  });

  it("lets text before the first heading form the preamble, and the title line's own paragraph continue it", () => {
    const parsed = documentOf(parseMeasures(doc("Titel", "Untertitel", "", "Einleitung.", "", "1. Eins", "", "a")));
    expect(parsed.title).toBe("Titel");
    expect(parsed.sections[0]).toEqual({ key: "preamble", number: null, title: "", body: "Untertitel\n\nEinleitung." });
  });
});

describe("section keys", () => {
  it("suffixes duplicate keys with -2, -3", () => {
    const text = doc("T", "", "1. Zugriff", "", "a", "", "2. Zugriff", "", "b", "", "3. ZUGRIFF!", "", "c");
    expect(documentOf(parseMeasures(text)).sections.map((s) => s.key)).toEqual(["zugriff", "zugriff-2", "zugriff-3"]);
  });

  it("never gives a numbered section the reserved keys 'preamble' or 'closing'", () => {
    const text = doc("T", "", "Intro.", "", "1. Preamble", "", "a", "", "2. Closing", "", "b", "", "3. Closing", "", "c",
      "", "Ende. Last updated: 2026-06-01");
    expect(documentOf(parseMeasures(text)).sections.map((s) => s.key)).toEqual([
      "preamble",
      "preamble-section",
      "closing-section",
      "closing-section-2",
      "closing",
    ]);
  });

  it("applies the umlaut and ß rules and keeps suffixed keys within 60 characters", () => {
    const long = "Überprüfung der Maßnahmen zur Gewährleistung der Vertraulichkeit und Integrität";
    const text = doc("T", "", `1. ${long}`, "", "a", "", `2. ${long}`, "", "b");
    const keys = documentOf(parseMeasures(text)).sections.map((s) => s.key);
    expect(keys).toEqual([
      "ueberpruefung-der-massnahmen-zur-gewaehrleistung-der-vertrau",
      "ueberpruefung-der-massnahmen-zur-gewaehrleistung-der-vertr-2",
    ]);
    expect(keys.every((k) => k.length <= 60)).toBe(true);
  });
});
