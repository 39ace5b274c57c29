import "server-only";
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont } from "pdf-lib";
import { CERTIFICATE_MAX_BYTES } from "@/lib/validation/certifications";

// A certificate PDF on its way in (checked before anything is stored) and out (watermarked with
// who downloaded it and when, on every page).

export type CertificateFileProblem = "pdfMissing" | "pdfTooLarge" | "pdfNotPdf" | "pdfUnreadable";

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function hasPdfMagic(data: Uint8Array): boolean {
  return MAGIC.every((byte, i) => data[i] === byte);
}

/** Size first (without reading a huge file), then the magic bytes, then whether it can be watermarked at all. */
export async function checkCertificatePdf(file: { size: number; bytes: () => Promise<Uint8Array> }): Promise<{ ok: true; data: Uint8Array } | { ok: false; problem: CertificateFileProblem }> {
  if (file.size === 0) return { ok: false, problem: "pdfMissing" };
  if (file.size > CERTIFICATE_MAX_BYTES) return { ok: false, problem: "pdfTooLarge" };
  const data = await file.bytes();
  if (data.byteLength > CERTIFICATE_MAX_BYTES) return { ok: false, problem: "pdfTooLarge" };
  if (!hasPdfMagic(data)) return { ok: false, problem: "pdfNotPdf" };
  try {
    const document = await PDFDocument.load(data, { updateMetadata: false });
    if (document.getPageCount() === 0) return { ok: false, problem: "pdfUnreadable" };
  } catch {
    // Encrypted or broken: it could not be watermarked on download, so it is refused now.
    return { ok: false, problem: "pdfUnreadable" };
  }
  return { ok: true, data };
}

/** A file name safe for storage and a Content-Disposition header. */
export function certificateFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[^\p{L}\p{N}._ -]+/gu, "_").replace(/\s+/g, " ").trim().slice(0, 120);
  const named = cleaned.length > 0 && cleaned !== ".pdf" ? cleaned : "certificate.pdf";
  return /\.pdf$/i.test(named) ? named : `${named}.pdf`;
}

/** Helvetica (WinAnsi) cannot draw every character an address may hold; those become "?". */
function drawable(text: string, font: PDFFont): string {
  return [...text]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return "?";
      }
    })
    .join("");
}

/** Stamps `line` on every page: once diagonally across it, once at the foot (readable by text extraction). */
export async function watermarkPdf(data: Uint8Array, line: string): Promise<Uint8Array> {
  const document = await PDFDocument.load(data, { updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  const text = drawable(line, font);
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    const diagonal = Math.min(28, (Math.hypot(width, height) * 0.8) / Math.max(1, font.widthOfTextAtSize(text, 1)));
    const angle = Math.atan2(height, width);
    const textWidth = font.widthOfTextAtSize(text, diagonal);
    page.drawText(text, {
      x: width / 2 - (Math.cos(angle) * textWidth) / 2,
      y: height / 2 - (Math.sin(angle) * textWidth) / 2,
      size: diagonal,
      font,
      color: rgb(0.75, 0.1, 0.1),
      opacity: 0.25,
      rotate: degrees((angle * 180) / Math.PI),
    });
    const footer = Math.min(8, (width - 40) / Math.max(1, font.widthOfTextAtSize(text, 1)));
    page.drawText(text, { x: 20, y: 12, size: footer, font, color: rgb(0.3, 0.3, 0.3) });
  }
  return document.save({ useObjectStreams: false });
}
