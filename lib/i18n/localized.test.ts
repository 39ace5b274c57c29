import { describe, expect, it } from "vitest";
import { asLocalizedText, pickLocalized } from "./localized";

describe("pickLocalized", () => {
  it("returns the requested locale when it has text", () => {
    expect(pickLocalized({ de: "Maßnahmen", en: "Measures" }, "en", "de")).toEqual({ value: "Measures", locale: "en", fallback: false });
  });
  it("falls back visibly to the tenant's locale, then to any text, and treats empty text as missing", () => {
    expect(pickLocalized({ de: "Maßnahmen", en: "" }, "en", "de")).toEqual({ value: "Maßnahmen", locale: "de", fallback: true });
    expect(pickLocalized({ en: "Measures" }, "de", "de")).toEqual({ value: "Measures", locale: "en", fallback: true });
    expect(pickLocalized({}, "de", "de")).toBeNull();
  });
});

describe("asLocalizedText", () => {
  it("keeps only string values of known locales", () => {
    expect(asLocalizedText({ de: "a", en: 3, fr: "b" })).toEqual({ de: "a" });
    expect(asLocalizedText(["de"])).toEqual({});
    expect(asLocalizedText(null)).toEqual({});
  });
});
