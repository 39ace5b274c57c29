export const SECTION_KEY_MAX_LENGTH = 60;

// German transliteration keeps keys readable (verschluesselung, not verschlusselung); the other letters
// have no Unicode decomposition, so stripping diacritics alone would turn them into separators.
const TRANSLITERATION: Record<string, string> = {
  ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i",
};

/** Stable key for a section title, so that a section can be followed across versions. */
export function sectionKey(title: string): string {
  const ascii = title
    .normalize("NFC") // a decomposed "u + ¨" must transliterate like "ü"
    .toLowerCase()
    .replace(/[äöüßæœøłđðþı]/g, (char) => TRANSLITERATION[char] ?? char)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SECTION_KEY_MAX_LENGTH)
    .replace(/-+$/, "");
  return slug === "" ? "section" : slug;
}

/** Appends a suffix without letting the key grow past the maximum length. */
export function withKeySuffix(key: string, suffix: string): string {
  return key.slice(0, SECTION_KEY_MAX_LENGTH - suffix.length).replace(/-+$/, "") + suffix;
}
