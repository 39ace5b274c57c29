// npm run audit:verify — checks every audit chain of the configured database (DATABASE_URL, or the
// embedded PGlite folder like the app) and prints one line per chain and one per problem.
// Exit code: 0 all chains intact, 1 problems found (edited or deleted rows), 2 could not check.
// Runs as the database owner: the app role may read one tenant's events at most.
import "dotenv/config";
import { verifyAuditChains, type AuditVerification } from "@/server/audit/verify";
import { closeDb, connectAsOwner, getDb } from "@/server/db/client";
import { dbMode } from "@/server/db/mode";

connectAsOwner();

function describeChain(chain: string, slugs: Map<string, string>): string {
  const slug = slugs.get(chain);
  return slug ? `${slug} (${chain})` : chain;
}

function print(report: AuditVerification, slugs: Map<string, string>) {
  const byChain = new Map<string, AuditVerification["problems"]>();
  for (const problem of report.problems) byChain.set(problem.chain, [...(byChain.get(problem.chain) ?? []), problem]);
  for (const chain of report.chains) {
    const status = chain.problems === 0 ? "ok    " : "FAILED";
    const range = chain.lastSeq === null ? "no rows" : `${chain.rows} row${chain.rows === 1 ? "" : "s"}, seq up to ${chain.lastSeq}`;
    console.log(`${status} ${describeChain(chain.chain, slugs)}: ${range}, head ${chain.headSeq ?? "missing"}`);
    for (const problem of byChain.get(chain.chain) ?? []) console.log(`         seq ${problem.seq}: ${problem.kind} — ${problem.detail}`);
  }
  const problems = report.problems.length;
  console.log(`[audit:verify] ${report.chainsChecked} chains, ${report.rowsChecked} rows checked: ${problems === 0 ? "no problems" : `${problems} problem${problems === 1 ? "" : "s"}`}`);
}

let exitCode = 2;
try {
  const mode = dbMode();
  console.log(`[audit:verify] ${mode.kind === "pglite" ? `embedded database ${mode.dir}` : "PostgreSQL server"}`);
  const db = await getDb();
  const report = await verifyAuditChains(db);
  const slugs = new Map((await db.tenant.findMany({ select: { id: true, slug: true } })).map((t) => [t.id, t.slug]));
  print(report, slugs);
  exitCode = report.ok ? 0 : 1;
} catch (error) {
  // Prisma keeps the database's own message in meta when the driver adapter reports it.
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { message?: string } } } }).meta?.driverAdapterError?.cause?.message;
  const message = cause ?? (error instanceof Error ? error.message : String(error));
  console.error("[audit:verify] could not check the audit log:", message);
  if (message.includes("row-level security")) {
    console.error("  The database user must own the tables and bypass row-level security (superuser or BYPASSRLS).");
  }
} finally {
  await closeDb().catch(() => {});
}
process.exit(exitCode);
