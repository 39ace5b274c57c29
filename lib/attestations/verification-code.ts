// Public verification codes of attestation letters (/verify/{code}). 20 symbols of Crockford's
// base32 (no I, L, O, U: nothing to confuse when typed from paper) = 100 random bits, shown in four
// groups of five. Typing is forgiving: lower case, spaces or missing dashes, O for 0 and I/L for 1.

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOLS = 20;
const GROUP = 5;
/** Bits of randomness in a code (≥ 80 required). */
export const CODE_BITS = SYMBOLS * 5;

/** A new code from a cryptographically secure source: 100 bits, each symbol 5 bits of one byte. */
export function generateVerificationCode(random: (size: number) => Uint8Array = (size) => crypto.getRandomValues(new Uint8Array(size))): string {
  const bytes = random(SYMBOLS);
  let symbols = "";
  // 256 is a multiple of 32: the low five bits of a uniform byte are uniform.
  for (const byte of bytes) symbols += CODE_ALPHABET[byte & 31];
  return group(symbols);
}

/** The canonical form ("7KQ2M-9XD4F-...") of what someone typed, or null when it cannot be a code. */
export function normalizeVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (symbols.length !== SYMBOLS) return null;
  for (const symbol of symbols) if (!CODE_ALPHABET.includes(symbol)) return null;
  return group(symbols);
}

function group(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join("-");
}

/** /verify and everything below it: the public check of a letter, served like the signed-in area (per request, CSP nonce). */
export function isVerificationPath(pathname: string): boolean {
  return pathname.split("/").filter(Boolean)[0] === "verify";
}

/**
 * The JSON answer's internal path when a client asks /verify/{code} for JSON (Accept:
 * application/json preferred over text/html), else null: one public URL, two representations.
 */
export function verificationJsonPath(pathname: string, accept: string | null): string | null {
  const segments = pathname.split("/").filter(Boolean);
  if (segments.length !== 2 || segments[0] !== "verify") return null;
  const json = acceptQuality(accept, "application/json");
  return json > 0 && json >= acceptQuality(accept, "text/html") ? `/verify/${segments[1]}/json` : null;
}

/** The q-value an Accept header gives a media type (exact match only; wildcards do not ask for JSON). */
function acceptQuality(accept: string | null, type: string): number {
  for (const part of (accept ?? "").split(",")) {
    const [media, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (media !== type) continue;
    const q = params.find((param) => param.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    return Number.isFinite(value) ? value : 0;
  }
  return 0;
}

/** Largest file the letter check reads (page and fallback upload): a letter is tens of kilobytes. */
export const MAX_LETTER_FILE_BYTES = 5 * 1024 * 1024;
