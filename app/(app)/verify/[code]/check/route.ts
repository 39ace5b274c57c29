import { createHash } from "node:crypto";
import { MAX_LETTER_FILE_BYTES } from "@/lib/attestations/verification-code";
import { isAppError } from "@/lib/errors";
import { fileMatchesLetter } from "@/server/attestations/verify";
import { requestMeta } from "@/server/request-context";
import { assertSameOrigin, crossOriginResponse } from "@/server/security/same-origin";

// POST /verify/{code}/check: the file check without JavaScript. The uploaded PDF's SHA-256 is
// compared with the issued one and the browser is sent back to /verify/{code} with the outcome,
// which the page shows exactly as the in-browser check does. The file is not stored.

export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    assertSameOrigin(request);
  } catch {
    return crossOriginResponse();
  }
  const { code } = await params;
  // A relative Location: behind a proxy request.url may name another host, and the page's CSP
  // (form-action 'self') would then block the redirect that ends the form submission.
  const back = (outcome: string) => new Response(null, { status: 303, headers: { location: `/verify/${encodeURIComponent(code)}?file=${outcome}#file-check`, "cache-control": "no-store" } });
  const body = await boundedBody(request, MAX_LETTER_FILE_BYTES + 64 * 1024);
  if (body === "tooLarge") return back("tooLarge");
  const form = body ? await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null) : null;
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) return back("missing");
  if (file.size > MAX_LETTER_FILE_BYTES) return back("tooLarge");
  const sha256 = createHash("sha256").update(new Uint8Array(await file.arrayBuffer())).digest("hex");
  try {
    const matches = await fileMatchesLetter(code, sha256, await requestMeta());
    if (matches === null) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    return back(matches ? "match" : "mismatch");
  } catch (error) {
    if (isAppError(error) && error.code === "rateLimited") return new Response("Too many requests", { status: 429, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}

/** The request body, read no further than `limit` bytes (a chunked upload has no Content-Length to trust). */
async function boundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "tooLarge" | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return "tooLarge";
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "tooLarge";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
