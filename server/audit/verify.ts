import "server-only";
import type { Db, Tx } from "../db/client";

// Walks every audit chain link by link and reports what does not add up. The database trigger
// (migration accounts_rls_and_audit_chain) wrote seq, prev_hash and hash; here the same SQL function
// recomputes each hash, so an edited row, a deleted row or a moved head shows up as a problem.
// Runs as the database owner: the app role sees one tenant's rows at most.

export type AuditProblemKind =
  /** seq numbers skipped: rows deleted (or the chain starts above 1). */
  | "missing"
  /** prev_hash is not the previous row's hash: a row before it was rewritten together with its hash. */
  | "broken_link"
  /** The stored hash is not the hash of the row's content: the row was changed after it was written. */
  | "edited"
  /** The chain name does not belong to the row's tenant. */
  | "wrong_chain"
  /** audit_chain_heads disagrees with the last row: last rows deleted, or the head rewritten. */
  | "head_mismatch";

export interface AuditProblem {
  chain: string;
  seq: number;
  kind: AuditProblemKind;
  detail: string;
}

export interface AuditChainSummary {
  chain: string;
  rows: number;
  lastSeq: number | null;
  headSeq: number | null;
  problems: number;
}

export interface AuditVerification {
  ok: boolean;
  chainsChecked: number;
  rowsChecked: number;
  chains: AuditChainSummary[];
  problems: AuditProblem[];
}

interface LinkRow {
  seq: number;
  tenant_id: string | null;
  prev_hash: string;
  hash: string;
  recomputed: string;
}

const BATCH = 1000;

export async function verifyAuditChains(db: Db): Promise<AuditVerification> {
  // One snapshot for rows and heads, so an append while we read is not mistaken for tampering.
  return db.$transaction(
    async (tx) => {
      // With row security off PostgreSQL refuses (instead of silently filtering) when a policy
      // would hide rows from us, so a verify that could not see everything fails loudly.
      await tx.$executeRawUnsafe("SET LOCAL row_security = off");
      const heads = new Map(
        (await tx.$queryRaw<Array<{ chain: string; seq: number; hash: string }>>`SELECT chain, seq, hash FROM audit_chain_heads`).map((head) => [head.chain, head]),
      );
      const chainNames = (await tx.$queryRaw<Array<{ chain: string }>>`SELECT DISTINCT chain FROM audit_events`).map((row) => row.chain);
      const allChains = [...new Set([...chainNames, ...heads.keys()])].sort();
      const chains: AuditChainSummary[] = [];
      const problems: AuditProblem[] = [];
      for (const chain of allChains) {
        const found = await verifyChain(tx, chain, heads.get(chain) ?? null);
        chains.push(found.summary);
        problems.push(...found.problems);
      }
      return {
        ok: problems.length === 0,
        chainsChecked: chains.length,
        rowsChecked: chains.reduce((sum, chain) => sum + chain.rows, 0),
        chains,
        problems,
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

async function verifyChain(tx: Tx, chain: string, head: { seq: number; hash: string } | null) {
  const problems: AuditProblem[] = [];
  const report = (seq: number, kind: AuditProblemKind, detail: string) => problems.push({ chain, seq, kind, detail });
  let rows = 0;
  let previous: { seq: number; hash: string } | null = null;
  for (;;) {
    const batch: LinkRow[] = await tx.$queryRaw<LinkRow[]>`
      SELECT e.seq, e.tenant_id::text AS tenant_id, e.prev_hash, e.hash, audit_event_hash(e.prev_hash, e) AS recomputed
      FROM audit_events e
      WHERE e.chain = ${chain} AND e.seq > ${previous?.seq ?? 0}
      ORDER BY e.seq
      LIMIT ${BATCH}`;
    for (const row of batch) {
      rows++;
      const expectedSeq: number = (previous?.seq ?? 0) + 1;
      if (row.seq !== expectedSeq) {
        report(expectedSeq, "missing", `rows ${expectedSeq}..${row.seq - 1} are missing`);
      } else if (row.prev_hash !== (previous?.hash ?? "")) {
        // After a gap the previous row is unknown, so the link is only checked between neighbours.
        report(row.seq, "broken_link", "prev_hash does not match the previous row's hash");
      }
      if (row.hash !== row.recomputed) report(row.seq, "edited", "content does not match its hash");
      if (chain !== (row.tenant_id ?? "platform")) report(row.seq, "wrong_chain", `row of tenant ${row.tenant_id ?? "none"} in chain ${chain}`);
      previous = { seq: row.seq, hash: row.hash };
    }
    if (batch.length < BATCH) break;
  }
  const last: { seq: number; hash: string } | null = previous;
  if (!head) {
    report(last?.seq ?? 0, "head_mismatch", "no head recorded for this chain");
  } else if (!last || head.seq !== last.seq || head.hash !== last.hash) {
    const detail = !last || head.seq > last.seq ? `head is at seq ${head.seq}: the last rows are missing` : `head is at seq ${head.seq}, the chain ends at ${last.seq}`;
    report(head.seq, "head_mismatch", head.seq === last?.seq ? "head hash differs from the last row's hash" : detail);
  }
  return { summary: { chain, rows, lastSeq: last?.seq ?? null, headSeq: head?.seq ?? null, problems: problems.length }, problems };
}
