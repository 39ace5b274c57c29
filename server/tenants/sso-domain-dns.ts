import "server-only";
import { Resolver } from "node:dns/promises";
import type { SsoDomainCheckFailure } from "@/lib/generated/prisma/client";
import { challengeRecordName, matchChallenge } from "@/lib/sso/domain-challenge";
import { env } from "../env";

// The DNS side of SSO domain verification: one TXT lookup of the challenge name, through the
// system's resolvers or the servers SSO_DNS_SERVERS names (the tests' own DNS server on 127.0.0.1).

export type ChallengeCheck = { ok: true } | { ok: false; failure: SsoDomainCheckFailure };

export interface ChallengeCheckOptions {
  /** ip[:port] entries; default SSO_DNS_SERVERS, else the system's resolvers. */
  servers?: readonly string[];
  /** The whole lookup, retries included. */
  timeoutMs?: number;
}

const NOT_FOUND_CODES = new Set(["ENOTFOUND", "ENODATA"]);
const TIMEOUT_CODES = new Set(["ETIMEOUT", "ECANCELLED"]);

/** Looks up `_vouchsafe-challenge.<domain>` and compares its TXT records with the token. */
export async function checkDomainChallenge(domain: string, token: string, { servers = env().SSO_DNS_SERVERS, timeoutMs = 5_000 }: ChallengeCheckOptions = {}): Promise<ChallengeCheck> {
  // Two tries per server; the deadline below bounds the whole lookup whatever c-ares does.
  const resolver = new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  if (servers && servers.length > 0) resolver.setServers([...servers]);
  const deadline = setTimeout(() => resolver.cancel(), timeoutMs);
  try {
    const records = await resolver.resolveTxt(challengeRecordName(domain));
    const match = matchChallenge(records, token);
    if (match === "match") return { ok: true };
    return { ok: false, failure: match === "not_found" ? "RECORD_NOT_FOUND" : "WRONG_VALUE" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
    if (NOT_FOUND_CODES.has(code)) return { ok: false, failure: "RECORD_NOT_FOUND" };
    if (TIMEOUT_CODES.has(code)) return { ok: false, failure: "DNS_TIMEOUT" };
    // SERVFAIL, REFUSED, an unreachable server, ...: DNS did not give an answer to judge.
    console.warn(`[sso] TXT lookup for ${domain} failed: ${code || (error instanceof Error ? error.message : "unknown")}`);
    return { ok: false, failure: "DNS_ERROR" };
  } finally {
    clearTimeout(deadline);
  }
}
