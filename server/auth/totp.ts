import "server-only";
import { Secret, TOTP } from "otpauth";
import { toString as qrSvg } from "qrcode";
import { randomInt } from "node:crypto";
import { hashToken } from "../security/tokens";

/** secret-box purpose of users.totp_secret. */
export const TOTP_SECRET_PURPOSE = "totp";

// RFC 6238 TOTP: SHA-1, 6 digits, 30 s — what every authenticator app understands.
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "") {
  return new TOTP({ issuer: "Vouchsafe", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export async function totpQrSvg(uri: string): Promise<string> {
  return qrSvg(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** The code for a moment (tests and the documented demo use it). */
export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/**
 * The time step the code belongs to (±1 step of clock drift), or null. Callers reject steps at or
 * before the last accepted one, so a code can be used once.
 */
export function matchTotp(secretBase32: string, code: string, at: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD) + delta;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2-q9xd-4hpt" (60 bits each), shown once, stored hashed. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

export function normalizeRecoveryCode(input: string): string {
  const chars = input.toLowerCase().replace(/[^a-z0-9]/g, "");
  return chars.length === 12 ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : "";
}

export const hashRecoveryCode = (code: string) => hashToken(`recovery:${normalizeRecoveryCode(code)}`);
