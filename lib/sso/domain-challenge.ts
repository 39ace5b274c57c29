// Proof that a tenant controls an SSO email domain: a DNS TXT record with a token only that tenant
// was given. The record sits under a label of its own (not the domain's apex, where SPF and other
// TXT records live), so publishing it changes nothing else about the domain.

export const CHALLENGE_LABEL = "_vouchsafe-challenge";
export const CHALLENGE_PREFIX = "vouchsafe-domain-verification=";

/** Where the tenant publishes the record, e.g. `_vouchsafe-challenge.customer.example`. */
export function challengeRecordName(domain: string): string {
  return `${CHALLENGE_LABEL}.${domain}`;
}

/** What the record says: `vouchsafe-domain-verification=<token>`. */
export function challengeRecordValue(token: string): string {
  return `${CHALLENGE_PREFIX}${token}`;
}

export type ChallengeMatch = "match" | "wrong_value" | "not_found";

/**
 * The TXT records found at the challenge name (as node:dns resolveTxt returns them: each record a
 * list of its character-strings) against the expected token. A record longer than 255 bytes comes
 * as several strings and is read joined, without separators (the convention of RFC 7208 §3.3).
 * Letter case is ignored (tokens are lower-case hex; some DNS consoles change case), as are
 * surrounding blanks and one pair of quotes pasted along with the value. Any one matching record
 * is enough; others (an old token, unrelated records) do not matter.
 */
export function matchChallenge(records: readonly (readonly string[])[], token: string): ChallengeMatch {
  if (records.length === 0) return "not_found";
  const expected = challengeRecordValue(token).toLowerCase();
  return records.some((chunks) => normalizeTxt(chunks.join("")) === expected) ? "match" : "wrong_value";
}

function normalizeTxt(value: string): string {
  const trimmed = value.trim();
  const unquoted = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
  return unquoted.toLowerCase();
}
