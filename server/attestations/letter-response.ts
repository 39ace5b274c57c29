import "server-only";
import type { LetterFile } from "./letter-download";

/** The letter as a download: never cached, never sniffed, its hash alongside for the curious. */
export function letterResponse(file: LetterFile): Response {
  return new Response(Buffer.from(file.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "content-length": String(file.pdf.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-letter-sha256": file.sha256,
    },
  });
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
