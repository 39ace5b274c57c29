import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderLetterPdf, sha256Hex } from "./letter-pdf";
import { buildLetterSnapshot, type LetterFacts } from "./letter-snapshot";

// The letter as a reader gets it: text extracted with poppler's pdftotext, the first page rendered
// with pdftoppm into test-results/letters/ (a CI artifact), and the byte-identical re-render.

const facts: LetterFacts = {
  code: "7KQ2M-9XD4F-HW3RT-C8NP5",
  verificationUrl: "http://localhost:3000/verify/7KQ2M-9XD4F-HW3RT-C8NP5",
  locale: "de",
  timeZone: "Europe/Berlin",
  issuedAt: "2026-11-28T09:15:00.000Z",
  issueDay: "2026-11-28",
  validUntil: "2026-12-31",
  automatic: false,
  tenant: { id: "00000000-0000-4000-8000-000000000001", slug: "mpmx", name: "MPMX GmbH", brandColor: "#0b5cad", logoSvg: null },
  recipient: { name: "Jürgen Weiß", email: "juergen.weiss@example.com", company: "Müller & Söhne Großhandel GmbH" },
  certifications: [
    {
      id: "c1",
      framework: "ISO_27001",
      name: "ISO/IEC 27001",
      certifier: "Nordcert Zertifizierungs GmbH",
      scope: "Entwicklung, Betrieb und Support der cloudbasierten Services einschließlich der zugehörigen Unternehmensprozesse.",
      certificateNumber: "ISMS-2025-04711",
      issuedAt: "2025-03-14",
      validUntil: "2028-03-13",
    },
    {
      id: "c2",
      framework: "BSI_C5",
      name: "BSI C5",
      certifier: "Weber & Partner Wirtschaftsprüfungsgesellschaft",
      scope: "C5-Typ-2-Prüfung der Produktivumgebung der Services für den Berichtszeitraum 1. Oktober 2024 bis 30. September 2025.",
      certificateNumber: "C5-T2-2025-118",
      issuedAt: "2026-01-15",
      validUntil: "2026-12-31",
    },
  ],
};

/** The text in content order (-raw): the diagonal watermark, drawn last, comes after each page's text. */
function pdfToText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "letter-"));
  const file = path.join(dir, "letter.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** The diagonal watermark's glyph runs are split by kerning: counted with all whitespace removed. */
const watermarks = (text: string) => text.replace(/\s/g, "").split("JürgenWeiß·Müller&SöhneGroßhandelGmbH").length - 1;

/** Words joined as a reader sees them, whatever the line breaks. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("attestation letter PDF", () => {
  it("says who it is for, every certification, the validity and the code, umlauts intact (de)", async () => {
    const snapshot = buildLetterSnapshot(facts);
    const pdf = await renderLetterPdf(snapshot);
    const text = pdfToText(pdf);
    console.log(`--- pdftotext of the German letter (${pdf.length} bytes) ---\n${text}\n--- end ---`);
    const words = flat(text);
    expect(words).toContain("Bestätigung des Zertifizierungsstatus");
    expect(words).toContain("Jürgen Weiß");
    expect(words).toContain("Müller & Söhne Großhandel GmbH");
    expect(words).toContain("MPMX GmbH bestätigt Müller & Söhne Großhandel GmbH, dass zum 28. November 2026");
    for (const cert of facts.certifications) {
      expect(words).toContain(cert.name);
      expect(words).toContain(cert.certifier);
      expect(words).toContain(cert.certificateNumber!);
      expect(words).toContain(flat(cert.scope));
    }
    expect(words).toContain("14. März 2025 bis 13. März 2028");
    expect(words).toContain("15. Januar 2026 bis 31. Dezember 2026");
    expect(words).toContain("Diese Bestätigung gilt bis zum 31. Dezember 2026");
    expect(words).toContain("Ausstellungsdatum 28. November 2026");
    expect(words).toContain(facts.code);
    expect(words).toContain(facts.verificationUrl);
    // The watermark (recipient's name and company) is on the page: three times on a one-page letter.
    expect(watermarks(text)).toBe(3);
    expect(words).not.toContain("juergen.weiss@example.com");
  });

  it("is written in English when asked, with the same facts", async () => {
    const words = flat(pdfToText(await renderLetterPdf(buildLetterSnapshot({ ...facts, locale: "en" }))));
    expect(words).toContain("Confirmation of certification status");
    expect(words).toContain("MPMX GmbH confirms to Müller & Söhne Großhandel GmbH that, as of 28 November 2026");
    expect(words).toContain("14 March 2025 to 13 March 2028");
    expect(words).toContain("This confirmation is valid until 31 December 2026");
    expect(words).not.toContain("Bestätigung");
  });

  it("embeds its fonts (subset, Unicode-mapped)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "letter-"));
    const file = path.join(dir, "letter.pdf");
    writeFileSync(file, await renderLetterPdf(buildLetterSnapshot(facts)));
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    const rows = fonts.split("\n").slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^Inter-(Regular|SemiBold)\s+CID TrueType\s+Identity-H\s+yes\s+no\s+yes/);
  });

  it("renders byte-identically again from the same snapshot, stored as JSON", async () => {
    const snapshot = buildLetterSnapshot(facts);
    const first = await renderLetterPdf(snapshot);
    const stored = JSON.parse(JSON.stringify(snapshot));
    const second = await renderLetterPdf(stored);
    console.log(`letter SHA-256 first=${sha256Hex(first)} second=${sha256Hex(second)} (${first.length} bytes)`);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const info = execFileSync("pdfinfo", ["-isodates", "-"], { input: first, encoding: "utf8" });
    expect(info).toMatch(/CreationDate:\s+2026-11-28T09:15:00/);
    expect(info).toMatch(/ModDate:\s+2026-11-28T09:15:00/);
    expect(info).toMatch(/Producer:\s+Vouchsafe letter layout 1/);
    // Another letter (another code) is another document.
    const other = await renderLetterPdf(buildLetterSnapshot({ ...facts, code: "0DT7M-1EV8N-2FW9P-3GXAQ" }));
    expect(sha256Hex(other)).not.toBe(sha256Hex(first));
  });

  it("flows onto further pages with the watermark on each (many certifications)", async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ ...facts.certifications[i % 2]!, id: `c${i}`, name: `${facts.certifications[i % 2]!.name} (${i + 1})` }));
    const pdf = await renderLetterPdf(buildLetterSnapshot({ ...facts, certifications: many }));
    const info = execFileSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = pdfToText(pdf);
    const words = flat(text);
    for (const cert of many) expect(words).toContain(cert.name);
    expect(words).toContain(`Seite ${pages} von ${pages}`);
    expect(watermarks(text)).toBe(3 * pages);
  });

  it("writes the first page as a PNG for the test artifacts (pdftoppm)", async () => {
    const pdf = await renderLetterPdf(buildLetterSnapshot(facts));
    const dir = path.join(process.cwd(), "test-results", "letters");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "letter.pdf"), pdf);
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "letter.pdf"), path.join(dir, "letter-page-1")]);
    const png = readFileSync(path.join(dir, "letter-page-1.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
  });
});
