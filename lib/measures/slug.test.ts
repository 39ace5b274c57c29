import { describe, expect, it } from "vitest";
import { SECTION_KEY_MAX_LENGTH, sectionKey, withKeySuffix } from "./slug";

describe("sectionKey", () => {
  it.each([
    ["Verschlüsselung", "verschluesselung"],
    ["Plattform-Sicherheitsmaßnahmen", "plattform-sicherheitsmassnahmen"],
    ["Management von Sicherheitsvorfällen", "management-von-sicherheitsvorfaellen"],
    ["ÄRGER ÖFFNEN ÜBEN STRAẞE", "aerger-oeffnen-ueben-strasse"],
    ["Backup, Business Continuity und Disaster Recovery", "backup-business-continuity-und-disaster-recovery"],
    ["Café, résumé & naïve façade", "cafe-resume-naive-facade"],
    ["Ørsted Łódź Æsir Œuvre", "orsted-lodz-aesir-oeuvre"],
    ["  --Hallo,   Welt!!  ", "hallo-welt"],
    ["ISO/IEC 27001:2022", "iso-iec-27001-2022"],
  ])("%s -> %s", (title, key) => {
    expect(sectionKey(title)).toBe(key);
  });

  it("transliterates a decomposed umlaut (u + combining diaeresis) like a composed one", () => {
    expect(sectionKey("Mu\u0308ller")).toBe("mueller");
    expect(sectionKey("Mu\u0308ller")).toBe(sectionKey("Müller"));
  });

  it.each(["", "   ", "!!!", "日本語", "—"])("falls back to 'section' for %j", (title) => {
    expect(sectionKey(title)).toBe("section");
  });

  it("cuts keys at 60 characters without leaving a trailing dash", () => {
    // Six "abcdefghi-" groups fill exactly 60 characters, so the cut lands right after a dash.
    const title = `${"abcdefghi ".repeat(6)}tail`;
    const key = sectionKey(title);
    expect(key).toBe("abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi");
    expect(key).toHaveLength(59);
    expect(sectionKey("x".repeat(100))).toBe("x".repeat(60));
  });

  it("is stable: the same title always gives the same key", () => {
    expect(sectionKey("Verschlüsselung")).toBe(sectionKey("Verschlüsselung"));
  });
});

describe("withKeySuffix", () => {
  it("appends the suffix and keeps the key within the maximum length", () => {
    expect(withKeySuffix("verschluesselung", "-2")).toBe("verschluesselung-2");
    const long = withKeySuffix("x".repeat(SECTION_KEY_MAX_LENGTH), "-12");
    expect(long).toBe(`${"x".repeat(57)}-12`);
    expect(withKeySuffix(`${"x".repeat(57)}-abc`, "-2")).toBe(`${"x".repeat(57)}-2`);
  });
});
