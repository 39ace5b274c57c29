import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMeasures, type ParsedDocument, type ParseResult } from "./parse";

// Byte-identical copy of the seed document the first tenant publishes.
const seed = readFileSync(new URL("./fixtures/seed.de.txt", import.meta.url), "utf8");

function documentOf(result: ParseResult): ParsedDocument {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.document;
}

const SEED_TITLES = [
  "Informationssicherheitsprogramm",
  "Zertifizierungen und Standards",
  "Verschlüsselung",
  "Plattform-Sicherheitsmaßnahmen",
  "Infrastruktur- und Hosting-Sicherheit",
  "Authentifizierung, Autorisierung und Access-Management",
  "Change-Management und Systempflege",
  "Backup, Business Continuity und Disaster Recovery",
  "Security Monitoring, Testing und Schwachstellenmanagement",
  "Management von Sicherheitsvorfällen",
  "Personalsicherheit und administrative Schutzvorkehrungen",
  "Verantwortlichkeiten des Kunden",
];

describe("parseMeasures on the seed document", () => {
  const result = parseMeasures(seed);
  const doc = documentOf(result);
  const numbered = doc.sections.filter((s) => s.number !== null);
  const section = (n: string) => {
    const found = doc.sections.find((s) => s.number === n);
    if (!found) throw new Error(`section ${n} missing`);
    return found;
  };

  it("reads title, effective date and no warnings", () => {
    expect(doc.title).toBe("Informationssicherheitsmaßnahmen");
    expect(doc.effectiveDate).toBe("2026-06-01");
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("has the preamble, exactly 12 numbered sections in order, and the closing section", () => {
    expect(doc.sections).toHaveLength(14);
    expect(numbered.map((s) => s.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(numbered.map((s) => s.title)).toEqual(SEED_TITLES);
    expect(doc.sections[0]).toMatchObject({ key: "preamble", number: null, title: "" });
    expect(doc.sections[0]?.body.startsWith("Diese Informationssicherheitsmaßnahmen beschreiben")).toBe(true);
    expect(doc.sections[0]?.body.endsWith("keine Garantien für bestimmte technische Konfigurationen.")).toBe(true);
    expect(doc.sections[13]).toEqual({
      key: "closing",
      number: null,
      title: "",
      body: "Diese Informationssicherheitsmaßnahmen gelten ab dem Datum ihrer Veröffentlichung.",
    });
  });

  it("gives every section a unique, readable key", () => {
    const keys = doc.sections.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      "preamble",
      "informationssicherheitsprogramm",
      "zertifizierungen-und-standards",
      "verschluesselung",
      "plattform-sicherheitsmassnahmen",
      "infrastruktur-und-hosting-sicherheit",
      "authentifizierung-autorisierung-und-access-management",
      "change-management-und-systempflege",
      "backup-business-continuity-und-disaster-recovery",
      "security-monitoring-testing-und-schwachstellenmanagement",
      "management-von-sicherheitsvorfaellen",
      "personalsicherheit-und-administrative-schutzvorkehrungen",
      "verantwortlichkeiten-des-kunden",
      "closing",
    ]);
  });

  it("renders section 3 as paragraph, four-item list, paragraph", () => {
    expect(section("3").key).toBe("verschluesselung");
    expect(section("3").body).toBe(
      [
        "MPMX setzt branchenübliche Verschlüsselungsmaßnahmen zum Schutz von Kundendaten ein, einschließlich:",
        "",
        "- verschlüsselte Kommunikationskanäle für den Zugriff auf die Services",
        "- Verschlüsselung von Kundendaten im Ruhezustand, soweit von der zugrunde liegenden Infrastruktur unterstützt",
        "- sichere Speicherung von Zugangsdaten, Authentifizierungs-Secrets und Schlüsseln",
        "- Zugriffskontrollen, die das Schlüsselmanagement auf autorisiertes Personal beschränken",
        "",
        "MPMX kann Verschlüsselungsverfahren entsprechend Branchenstandards und technologischen Entwicklungen aktualisieren.",
      ].join("\n"),
    );
    expect(section("3").body.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(4);
  });

  it("keeps section 2 as plain paragraphs without a list", () => {
    expect(section("2").body).not.toMatch(/^- /m);
    expect(section("2").body.startsWith("MPMX unterhält ein Informationssicherheits-Managementsystem")).toBe(true);
  });

  it("ends section 12 with its list, not with the closing paragraph", () => {
    expect(section("12").body.endsWith("- den Schutz der Infrastruktur und Endgeräte auf Seiten des Kunden")).toBe(true);
    expect(section("12").body).not.toContain("Letzte Aktualisierung");
  });

  it("produces normalised bodies: no trailing whitespace, no double blank lines, no outer blank lines", () => {
    for (const s of doc.sections) {
      expect(s.body).not.toMatch(/[ \t]$/m);
      expect(s.body).not.toContain("\n\n\n");
      expect(s.body).toBe(s.body.trim());
      expect(s.body).not.toBe("");
    }
  });
});

describe("input encodings", () => {
  const expected = documentOf(parseMeasures(seed));

  it("gives the identical document for CRLF line endings with a BOM", () => {
    const windows = `\uFEFF${seed.replace(/\n/g, "\r\n")}`;
    expect(parseMeasures(windows)).toEqual({ ok: true, document: expected, warnings: [] });
  });

  it("gives the identical document for classic Mac CR line endings", () => {
    expect(documentOf(parseMeasures(seed.replace(/\n/g, "\r")))).toEqual(expected);
  });

  it("reports the same line numbers for CRLF as for LF input", () => {
    const broken = seed.replace("3. Verschlüsselung", "5. Verschlüsselung");
    const lf = parseMeasures(broken);
    expect(lf).toEqual({
      ok: false,
      errors: [{ line: 22, code: "number-out-of-sequence", params: { expected: 3, found: 5 } }],
    });
    expect(parseMeasures(`\uFEFF${broken.replace(/\n/g, "\r\n")}`)).toEqual(lf);
  });
});

describe("Markdown input", () => {
  const expected = documentOf(parseMeasures(seed));
  const [preamble, ...rest] = expected.sections;
  const numbered = rest.filter((s) => s.number !== null);
  const closing = rest.find((s) => s.key === "closing");

  function toMarkdown(heading: (n: string, title: string) => string, bullet: string): string {
    const parts = [`# ${expected.title}`, preamble?.body ?? ""];
    for (const s of numbered) parts.push(heading(s.number ?? "", s.title), s.body.replace(/^- /gm, bullet));
    parts.push(`${closing?.body ?? ""} Letzte Aktualisierung: 01. Juni 2026.`);
    return `\n${parts.join("\n\n")}\n`;
  }

  it("parses numbered ## headings to the same document as the plain text", () => {
    const markdown = toMarkdown((n, title) => `## ${n}. ${title}`, "- ");
    expect(parseMeasures(markdown)).toEqual({ ok: true, document: expected, warnings: [] });
  });

  it("numbers unnumbered ## headings in order and accepts * bullets", () => {
    const markdown = toMarkdown((_, title) => `## ${title}`, "* ");
    expect(documentOf(parseMeasures(markdown))).toEqual(expected);
  });

  it("accepts headings without blank lines around them and closing hashes", () => {
    const markdown = "# Titel #\nEinleitung.\n## 1. Eins ##\nText eins.\n## Zwei\n* a\n* b\n\nLast updated: 2026-06-01";
    expect(parseMeasures(markdown)).toEqual({
      ok: true,
      document: {
        title: "Titel",
        effectiveDate: "2026-06-01",
        sections: [
          { key: "preamble", number: null, title: "", body: "Einleitung." },
          { key: "eins", number: "1", title: "Eins", body: "Text eins." },
          { key: "zwei", number: "2", title: "Zwei", body: "- a\n- b" },
        ],
      },
      warnings: [],
    });
  });

  it("numbers an unnumbered heading after a numbered one from there", () => {
    const markdown = "# T\n\n## 1. A\n\nx\n\n## B\n\ny\n\n## 3. C\n\nz\n\nLast updated: 2026-06-01";
    expect(documentOf(parseMeasures(markdown)).sections.map((s) => [s.number, s.title])).toEqual([
      ["1", "A"],
      ["2", "B"],
      ["3", "C"],
    ]);
  });

  it("keeps inline Markdown and other text verbatim", () => {
    const markdown = "# T\n\n## A\n\n**fett** und _kursiv_ mit <b>Tag</b> & [Link](https://example.com)\n\n### Unterpunkt";
    const doc = documentOf(parseMeasures(markdown));
    expect(doc.sections[0]?.body).toBe(
      "**fett** und _kursiv_ mit <b>Tag</b> & [Link](https://example.com)\n\n### Unterpunkt",
    );
  });
});
