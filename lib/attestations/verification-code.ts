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
