// Publish → visible, measured from outside the server (run by scripts/bench/publish.ts as
// `tsx --conditions=react-server scripts/bench/publish-visible.ts <baseUrl> <runs>`, with the bench
// database in DATABASE_URL). Each run: the demo editor starts a draft from the current version and
// submits it (server functions, as the console's actions call them); then, timed, the demo approver
// publishes it (approveAndPublish), the tenant's cached pages are invalidated over the signed internal
// endpoint (what the action's revalidateTag does in-process), and the public home page is polled
// until it names the new version as current. Prints one JSON line.
import { performance } from "node:perf_hooks";
import { closeDb, connectAsOwner, getDb } from "@/server/db/client";
import { createDraftFromCurrent } from "@/server/measures/drafts/create-draft";
import { approveAndPublish } from "@/server/measures/workflow/publish-version";
import { submitForReview } from "@/server/measures/workflow/submit-for-review";
import { requestTenantRevalidation } from "@/server/trust-center/revalidate";

const TENANT = "mpmx";
const VISIBLE_TIMEOUT_MS = 10_000;

connectAsOwner();
const [baseUrl, runsArg] = process.argv.slice(2);
if (!baseUrl) throw new Error("usage: publish-visible.ts <baseUrl> [runs]");
const runs = Number(runsArg ?? 5);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The version the public home page names as current (from the cache, as a visitor gets it). */
async function currentOnPage(): Promise<number | null> {
  const html = await (await fetch(`${baseUrl}/${TENANT}`)).text();
  const match = /data-testid="current-version".{0,600}?Version (\d+)/s.exec(html);
  return match ? Number(match[1]) : null;
}

try {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: TENANT }, select: { id: true, slug: true, name: true } });
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  const editor = await user(`editor@${TENANT}.example`);
  const approver = await user(`approver@${TENANT}.example`);

  const results: Array<{ number: number; publishMs: number; invalidateMs: number; visibleMs: number }> = [];
  for (let run = 0; run < runs; run++) {
    const draft = await createDraftFromCurrent({ tenant, actor: { ...editor, roles: ["LEGAL_EDITOR"] }, meta: null });
    const { submittedAt } = await submitForReview({ tenant, actor: editor, versionId: draft.id, meta: null });
    // The page is in the cache and shows the previous version.
    const before = await currentOnPage();
    if (before !== draft.number - 1) throw new Error(`expected version ${draft.number - 1} on the page before publishing, found ${before}`);

    const start = performance.now();
    await approveAndPublish({ tenant, actor: approver, versionId: draft.id, meta: null, submission: submittedAt.toISOString(), effectiveAt: null, materialDecision: null, comment: null });
    const committed = performance.now();
    await requestTenantRevalidation(tenant.slug, baseUrl);
    const invalidated = performance.now();
    while ((await currentOnPage()) !== draft.number) {
      if (performance.now() - start > VISIBLE_TIMEOUT_MS) throw new Error(`version ${draft.number} not visible after ${VISIBLE_TIMEOUT_MS} ms`);
      await sleep(5);
    }
    const visible = performance.now();
    results.push({ number: draft.number, publishMs: committed - start, invalidateMs: invalidated - committed, visibleMs: visible - start });
  }
  console.log(JSON.stringify({ runs: results }));
} finally {
  await closeDb();
}
