"use client";

import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { MAX_LETTER_FILE_BYTES } from "@/lib/attestations/verification-code";

export type FileCheckOutcome = "match" | "mismatch" | "missing" | "tooLarge";


interface Texts {
  heading: string;
  text: string;
  drop: string;
  choose: string;
  submit: string;
  checking: string;
  match: string;
  mismatch: string;
  missing: string;
  tooLarge: string;
  fingerprint: string;
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Drop or choose the letter's PDF: with JavaScript its SHA-256 is computed in the browser
 * (WebCrypto) and compared with the issued one, nothing is uploaded; without, the form posts the
 * file to /verify/{code}/check, which answers with the same outcome on this page.
 */
export function FileCheck({ code, sha256, initialOutcome, texts }: { code: string; sha256: string; initialOutcome: FileCheckOutcome | null; texts: Texts }) {
  const [outcome, setOutcome] = useState<FileCheckOutcome | null>(initialOutcome);
  const [checking, setChecking] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function check(file: File | undefined) {
    if (!file || file.size === 0) return setOutcome("missing");
    if (file.size > MAX_LETTER_FILE_BYTES) return setOutcome("tooLarge");
    setChecking(true);
    try {
      setOutcome((await sha256Hex(file)) === sha256 ? "match" : "mismatch");
    } finally {
      setChecking(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void check(input.current?.files?.[0]);
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    event.preventDefault();
    setDragging(false);
    void check(event.dataTransfer.files[0]);
  }

  const tone = outcome === "match" ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-rose-300 bg-rose-50 text-rose-950";
  return (
    <section aria-labelledby="file-check" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="file-check" className="text-lg font-semibold">
        {texts.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{texts.text}</p>
      <form
        action={`/verify/${code}/check`}
        method="post"
        encType="multipart/form-data"
        onSubmit={onSubmit}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-4 rounded-lg border-2 border-dashed p-4 ${dragging ? "border-slate-900 bg-slate-50" : "border-slate-300"}`}
        data-testid="file-check-form"
      >
        <p className="text-sm font-medium text-slate-700" aria-hidden="true">
          {texts.drop}
        </p>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <div className="space-y-1.5">
            <label htmlFor="letter-file" className="block text-sm font-medium text-slate-900">
              {texts.choose}
            </label>
            <input ref={input} id="letter-file" name="file" type="file" accept="application/pdf,.pdf" className="block text-sm" onChange={(event) => void check(event.target.files?.[0])} />
          </div>
          <button type="submit" className={buttonClass("secondary")} disabled={checking}>
            {checking ? texts.checking : texts.submit}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="mt-3">
        {outcome ? (
          <p className={`rounded-md border px-3 py-2 text-sm font-medium ${tone}`} data-testid="file-check-outcome" data-outcome={outcome}>
            {texts[outcome]}
          </p>
        ) : null}
      </div>
      <details className="mt-3 text-sm text-slate-600">
        <summary>{texts.fingerprint}</summary>
        <code className="mt-1 block break-all font-mono text-xs" data-testid="verify-sha256">
          {sha256}
        </code>
      </details>
    </section>
  );
}
