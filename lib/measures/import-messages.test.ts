import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "../../messages/de/import.json";
import en from "../../messages/en/import.json";
import { PARSE_ERROR_CODES, type ParseErrorCode } from "./parse";

// The params each code carries (besides line); the parser tests assert that the parser emits exactly these.
const PARAMS: Record<ParseErrorCode, Record<string, string | number>> = {
  empty: {},
  "missing-title": {},
  "number-out-of-sequence": { expected: 3, found: 5 },
  "empty-heading": {},
  "empty-section": {},
  "invalid-date": { value: "31. Februar 2026" },
  "text-after-closing": {},
  "control-character": { char: "U+0007" },
  "line-too-long": { length: 5001, max: 5000 },
  "no-sections": {},
  "no-effective-date": {},
  "empty-list-item": {},
};

describe.each([
  ["de", de],
  ["en", en],
] as const)("messages/%s/import.json", (locale, messages) => {
  it("has exactly one message per issue code", () => {
    expect(Object.keys(messages).sort()).toEqual([...PARSE_ERROR_CODES].sort());
  });

  it.each([...PARSE_ERROR_CODES])("%s uses {line} and exactly its params", (code) => {
    const message: string = messages[code];
    const placeholders = [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(placeholders).toEqual(["line", ...Object.keys(PARAMS[code])].sort());
  });

  it.each([...PARSE_ERROR_CODES])("%s formats with next-intl", (code) => {
    const t = createTranslator({ locale, messages: { import: messages } });
    const text = t(`import.${code}`, { line: 42, ...PARAMS[code] });
    expect(text).toMatch(locale === "de" ? /^Zeile 42: / : /^Line 42: /);
    expect(text).not.toMatch(/[{}]/);
    for (const value of Object.values(PARAMS[code])) expect(text).toContain(String(value));
  });
});
