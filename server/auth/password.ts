import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// argon2id with OWASP's recommended parameters (m=19 MiB, t=2, p=1).
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2);
}

/** A hash of nothing in particular: unknown accounts cost as much time as known ones. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await (decoy ??= hashPassword("decoy password for unknown accounts")));
  const ok = await verify(target, password.normalize("NFC")).catch(() => false);
  return stored !== null && ok;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));
}

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsEmail";

/** ASVS 5.0 §6.2: length, not a known common password (also with digits appended), not the email. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || /^(.)\1+$/u.test(lower) || lower.includes("vouchsafe")) return "common";
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}
