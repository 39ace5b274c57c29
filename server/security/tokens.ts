import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** An unguessable token for links and cookies (256 bits, URL-safe). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** What the database stores instead of a token: a leaked table yields no usable links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
