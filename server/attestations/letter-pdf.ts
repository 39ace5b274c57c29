import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { degrees, PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import QRCode from "qrcode";
import { letterDocumentId, type LetterSnapshot } from "./letter-snapshot";

// The letter as a PDF, rendered from its snapshot alone (layout 1). Deterministic: fonts are
// subset under fixed names, every date in the document (creation, modification) and its ID come
// from the snapshot, so rendering the same snapshot again gives the same bytes and SHA-256.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 64, right: 64, top: 52, bottom: 72 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const INK = rgb(0.12, 0.14, 0.18);
const MUTED = rgb(0.39, 0.42, 0.47);
const RULE = rgb(0.86, 0.87, 0.89);
const PANEL = rgb(0.965, 0.97, 0.975);

const FONT_DIR = path.join(process.cwd(), "server", "attestations", "fonts");

// One parsed font per file for the whole process: fontkit caches glyphs and shaping on the font
// object, which makes every letter after the first several times faster to lay out. Parsing is
// pure, so sharing it changes no byte of the output.
const parsedFonts = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (buffer: Uint8Array, postscriptName?: string) => {
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};
let fontBytes: Promise<{ regular: Uint8Array; semibold: Uint8Array }> | undefined;
function loadFonts() {
  return (fontBytes ??= Promise.all([readFile(path.join(FONT_DIR, "Inter-Regular.ttf")), readFile(path.join(FONT_DIR, "Inter-SemiBold.ttf"))]).then(([regular, semibold]) => ({ regular, semibold })));
}

/** "#0b5cad" → the colour; anything else → the default brand blue (the column is validated on save). */
export function brandRgb(hex: string): RGB {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return rgb(0.11, 0.31, 0.85);
  return rgb(parseInt(match[1]!, 16) / 255, parseInt(match[2]!, 16) / 255, parseInt(match[3]!, 16) / 255);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

interface Fonts {
  regular: PDFFont;
  semibold: PDFFont;
}

// Measuring a string shapes it with the font's kerning tables (milliseconds per call with Inter):
// words are measured once per process and a line is the sum of its words and spaces.
const wordWidths = new Map<string, number>();
function wordWidth(font: PDFFont, word: string): number {
  const key = `${font.name}\u0000${word}`;
  let width = wordWidths.get(key);
  if (width === undefined) {
    width = font.widthOfTextAtSize(word, 1000) / 1000;
    if (wordWidths.size < 20_000) wordWidths.set(key, width);
  }
  return width;
}

/** Greedy line breaking by measured width; a single word longer than the line is kept whole. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = wordWidth(font, " ") * size;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = wordWidth(font, word) * size;
      if (line && lineWidth + space + w > width) {
        lines.push(line);
        line = word;
        lineWidth = w;
      } else {
        lineWidth = line ? lineWidth + space + w : w;
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class LetterWriter {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly brand: RGB,
  ) {
    this.addPage();
  }

  addPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    // A thin band in the tenant's colour along the top edge of every page.
    this.page.drawRectangle({ x: 0, y: A4.height - 6, width: A4.width, height: 6, color: this.brand });
    this.y = A4.height - MARGIN.top;
  }

  /** Starts a new page unless `height` still fits above the footer. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.addPage();
  }

  text(value: string, options: { x?: number; size: number; font?: PDFFont; color?: RGB; width?: number; leading?: number }) {
    const font = options.font ?? this.fonts.regular;
    const leading = options.leading ?? options.size * 1.45;
    for (const line of wrap(value, font, options.size, options.width ?? CONTENT_WIDTH)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, { x: options.x ?? MARGIN.left, y: this.y + (leading - options.size) / 2, size: options.size, font, color: options.color ?? INK });
    }
  }

  gap(points: number) {
    this.y -= points;
  }
}

export async function renderLetterPdf(snapshot: LetterSnapshot): Promise<Uint8Array> {
  if (snapshot.layout !== 1) throw new Error(`unknown letter layout ${String(snapshot.layout)}`);
  const { text } = snapshot;
  const issuedAt = new Date(snapshot.issuedAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFonts();
  const fonts: Fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true, customName: "Inter-Regular" }),
    semibold: await doc.embedFont(bytes.semibold, { subset: true, customName: "Inter-SemiBold" }),
  };
  doc.setTitle(text.documentTitle);
  doc.setSubject(text.subject);
  doc.setAuthor(snapshot.tenant.name);
  doc.setKeywords([snapshot.code]);
  doc.setCreator("Vouchsafe");
  doc.setProducer("Vouchsafe letter layout 1 (pdf-lib)");
  doc.setLanguage(snapshot.locale === "de" ? "de-DE" : "en-GB");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
  const id = PDFHexString.of(letterDocumentId(snapshot));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  const brand = brandRgb(snapshot.tenant.brandColor);
  const w = new LetterWriter(doc, fonts, brand);
  drawHeader(w, snapshot);
  drawRecipient(w, snapshot);
  drawCertifications(w, snapshot);
  drawValidity(w, snapshot);
  await drawVerification(w, snapshot);
  w.gap(10);
  w.text(`${text.issuance} ${text.confidentiality}`, { size: 8, color: MUTED, leading: 11.5 });

  w.pages.forEach((page, index) => {
    drawFooter(page, fonts, text.footer, text.page.replace("{page}", String(index + 1)).replace("{pages}", String(w.pages.length)));
    drawWatermark(page, fonts.semibold, text.watermark);
  });
  return doc.save({ useObjectStreams: false });
}

function drawHeader(w: LetterWriter, s: LetterSnapshot) {
  const { fonts, page } = w;
  const top = w.y;
  // Left: the issuer. Right: date of issue, valid until and the code, as a reference block.
  w.text(s.tenant.name, { size: 17, font: fonts.semibold, color: w.brand, width: CONTENT_WIDTH * 0.55 });
  const right = A4.width - MARGIN.right;
  let y = top;
  for (const [label, value] of [
    [s.text.issueDateLabel, s.text.issueDate],
    [s.text.validUntilLabel, s.text.validUntil],
    [s.text.codeLabel, s.code],
  ] as const) {
    y -= 10;
    page.drawText(label, { x: right - fonts.regular.widthOfTextAtSize(label, 7.5), y, size: 7.5, font: fonts.regular, color: MUTED });
    y -= 12;
    page.drawText(value, { x: right - fonts.semibold.widthOfTextAtSize(value, 9.5), y, size: 9.5, font: fonts.semibold, color: INK });
    y -= 3;
  }
  w.y = Math.min(w.y, y) - 16;
  w.text(s.text.title, { size: 21, font: fonts.semibold, leading: 26 });
  w.gap(6);
  w.page.drawRectangle({ x: MARGIN.left, y: w.y, width: 36, height: 2, color: w.brand });
  w.gap(16);
}

function drawRecipient(w: LetterWriter, s: LetterSnapshot) {
  w.text(s.text.recipientHeading.toUpperCase(), { size: 7.5, color: MUTED, leading: 12 });
  if (s.recipient.name) w.text(s.recipient.name, { size: 11, leading: 16 });
  w.text(s.recipient.company, { size: 11, font: w.fonts.semibold, leading: 16 });
  w.gap(14);
  w.text(s.text.intro, { size: 10.5, leading: 16 });
  w.gap(12);
}

function drawCertifications(w: LetterWriter, s: LetterSnapshot) {
  const labelWidth = 118;
  const valueX = MARGIN.left + 14 + labelWidth;
  const valueWidth = A4.width - MARGIN.right - valueX;
  s.certifications.forEach((cert, index) => {
    const rows: Array<[string, string]> = [
      [s.text.scopeLabel, cert.scope],
      [s.text.certifierLabel, cert.certifier],
      ...(cert.certificateNumber ? ([[s.text.certificateNumberLabel, cert.certificateNumber]] as Array<[string, string]>) : []),
      [s.text.validityLabel, s.text.validities[index] ?? ""],
    ];
    const height = 22 + rows.reduce((sum, [, value]) => sum + wrap(value, w.fonts.regular, 9.5, valueWidth).length * 14 + 3, 0);
    // A certification never breaks across pages.
    w.ensure(height + 10);
    const top = w.y;
    w.text(cert.name, { x: MARGIN.left + 14, size: 12, font: w.fonts.semibold, leading: 18 });
    w.gap(4);
    for (const [label, value] of rows) {
      const rowTop = w.y;
      w.page.drawText(label, { x: MARGIN.left + 14, y: rowTop - 10.5, size: 8.5, font: w.fonts.regular, color: MUTED });
      w.text(value, { x: valueX, size: 9.5, width: valueWidth, leading: 14 });
      w.gap(3);
    }
    w.page.drawRectangle({ x: MARGIN.left, y: w.y + 2, width: 2.5, height: top - w.y - 4, color: w.brand });
    w.gap(10);
  });
}

function drawValidity(w: LetterWriter, s: LetterSnapshot) {
  w.ensure(60);
  w.gap(4);
  w.text(s.text.letterValidityHeading, { size: 11, font: w.fonts.semibold, leading: 17 });
  w.text(s.text.letterValidity, { size: 10, leading: 15 });
}

async function drawVerification(w: LetterWriter, s: LetterSnapshot) {
  const qrSize = 84;
  const padding = 12;
  const textX = MARGIN.left + padding + qrSize + 18;
  const textWidth = A4.width - MARGIN.right - padding - textX;
  const bodyLines = wrap(s.text.verifyText, w.fonts.regular, 8.5, textWidth).length;
  const height = Math.max(qrSize, 18 + bodyLines * 12 + 8 + 14 + 20) + padding * 2;
  w.ensure(height + 14);
  w.gap(14);
  const top = w.y;
  w.page.drawRectangle({ x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height, color: PANEL, borderColor: RULE, borderWidth: 0.75 });
  drawQr(w.page, s.verificationUrl, MARGIN.left + padding, top - padding - qrSize, qrSize);
  w.y = top - padding + 2;
  w.text(s.text.verifyHeading, { x: textX, size: 10.5, font: w.fonts.semibold, width: textWidth, leading: 16 });
  w.text(s.text.verifyText, { x: textX, size: 8.5, color: MUTED, width: textWidth, leading: 12 });
  w.gap(6);
  w.text(s.verificationUrl, { x: textX, size: 8.5, color: w.brand, width: textWidth, leading: 13 });
  w.text(s.code, { x: textX, size: 14, font: w.fonts.semibold, width: textWidth, leading: 20 });
  w.y = top - height;
}

/** The QR code as vector modules: one rectangle per horizontal run of dark modules. */
function drawQr(page: PDFPage, value: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      page.drawRectangle({ x: x + (quiet + start) * cell, y: y + size - (quiet + row + 1) * cell, width: (col - start) * cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

function drawFooter(page: PDFPage, fonts: Fonts, footer: string, pageLabel: string) {
  const y = 48;
  page.drawLine({ start: { x: MARGIN.left, y: y + 14 }, end: { x: A4.width - MARGIN.right, y: y + 14 }, thickness: 0.5, color: RULE });
  page.drawText(footer, { x: MARGIN.left, y, size: 7.5, font: fonts.regular, color: MUTED });
  page.drawText(pageLabel, { x: A4.width - MARGIN.right - fonts.regular.widthOfTextAtSize(pageLabel, 7.5), y, size: 7.5, font: fonts.regular, color: MUTED });
}

/** The recipient's name and company across the page, faint, three times: every page names its recipient. */
function drawWatermark(page: PDFPage, font: PDFFont, value: string) {
  const angle = 35;
  const unit = font.widthOfTextAtSize(value, 1000) / 1000;
  const size = Math.max(12, Math.min(30, Math.floor(520 / unit)));
  const width = unit * size;
  const rad = (angle * Math.PI) / 180;
  for (const centerY of [A4.height * 0.78, A4.height * 0.5, A4.height * 0.22]) {
    const cx = A4.width / 2;
    page.drawText(value, {
      x: cx - (width / 2) * Math.cos(rad) + (size / 3) * Math.sin(rad),
      y: centerY - (width / 2) * Math.sin(rad) - (size / 3) * Math.cos(rad),
      size,
      font,
      color: rgb(0.45, 0.47, 0.5),
      opacity: 0.08,
      rotate: degrees(angle),
    });
  }
}
