import "server-only";
import { createHash } from "node:crypto";

/**
 * SHA-256 of a source-locale section's title and body. A translation stores the hash of the source
 * it was last edited against; when the source's current hash differs, the translation is outdated.
 * The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
 */
export function sourceHash(title: string, body: string): string {
  return createHash("sha256").update(`${title}\u0000${body}`, "utf8").digest("hex");
}
