import { createHash } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";

// The NDA's text per locale and the hash recorded with every acceptance. The hash is taken over a
// canonical serialisation — locales in alphabetical order, line endings as "\n", no trailing
// blanks — so that it identifies the words accepted, not how a browser happened to submit them.

export type NdaText = Partial<Record<Locale, string>>;

export function normalizeNdaText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/u, ""))
    .join("\n")
    .trim();
}

/** `{"de":"…","en":"…"}` with sorted keys, empty locales left out. */
export function canonicalNdaText(text: NdaText): string {
  const entries = (Object.keys(text) as Locale[])
    .sort()
    .map((locale) => [locale, normalizeNdaText(text[locale] ?? "")] as const)
    .filter(([, value]) => value.length > 0);
  return JSON.stringify(Object.fromEntries(entries));
}

export function ndaSha256(text: NdaText): string {
  return createHash("sha256").update(canonicalNdaText(text), "utf8").digest("hex");
}
