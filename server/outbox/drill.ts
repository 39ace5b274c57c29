import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { withTenant, withWorker } from "../db/client";
import { unsubscribeTokenHash } from "../subscriptions/tokens";
import { enqueueOutbox } from "./enqueue";
import { messageIdFor } from "./email";
import { startSmtpCapture, type CapturedMail } from "./testing/smtp-capture";

// The worker drill (issue 4, "Must show" 4): N confirmed subscribers, one publication message, the
// worker as a child process (`npm run worker`) sending through a real SMTP server; SIGKILL while
// it is delivering, a restart, and then every subscriber must have exactly one message.
//
// The kill lands at the worst moment on purpose: inside the SMTP server, after it accepted a
// message and before the worker heard the 250. No SMTP client can know whether such a message
// arrived; the restarted worker sends it again (at-least-once) with the same Message-ID, which is
// how the receiving mailbox recognises the copy. So the drill counts, per subscriber, distinct
// messages (must be exactly 1) and separately reports the raw SMTP transmissions, asserting that
// every extra transmission is such a same-Message-ID copy of a message in flight at the kill.

export interface DrillOptions {
  databaseUrl: string;
  subscribers?: number;
  /** Kill after this many accepted messages (default: a third of them). */
  killAfter?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface DrillResult {
  subscribers: number;
  missing: number;
  duplicate: number;
  transmissions: number;
  /** Subscribers who received a message with another subscriber's Message-ID (must be 0). */
  foreign: number;
  resentCopies: number;
  killedAfter: number;
  seconds: number;
}

export async function runWorkerDrill(options: DrillOptions): Promise<DrillResult> {
  const count = options.subscribers ?? 300;
  const killAfter = options.killAfter ?? Math.floor(count / 3);
  const log = options.log ?? (() => {});
  const started = Date.now();
  const smtp = await startSmtpCapture();
  const { tenantId, addresses, dedupeKey } = await seedDrill(count);
  const mine = new Set(addresses);
  const drillMails = () => smtp.mails.filter((mail) => mail.to.some((to) => mine.has(to)));

  let worker: ChildProcess | undefined;
  let killedAfter = 0;
  smtp.onMail = () => {
    const delivered = drillMails().length;
    if (!killedAfter && delivered >= killAfter && worker?.pid) {
      killedAfter = delivered;
      // Synchronously, before this message's 250 reply goes out.
      worker.kill("SIGKILL");
      log(`killed the worker (SIGKILL) after ${delivered} of ${count} emails`);
    }
  };
  try {
    worker = startWorkerProcess(options.databaseUrl, smtp.url);
    log(`worker started (pid ${worker.pid}); one publication message for ${count} subscribers`);
    await withTenant(tenantId, (tx) => enqueueOutbox(tx, { tenantId, kind: "measures.published", dedupeKey, payload: { versionId: dedupeKey.split(":")[1]!, number: 1 } }));
    await waitFor(() => killedAfter > 0 || exited(worker!), options.timeoutMs ?? 120_000, "the kill");
    await waitForExit(worker);
    worker = startWorkerProcess(options.databaseUrl, smtp.url);
    log(`worker restarted (pid ${worker.pid})`);
    await waitFor(() => new Set(drillMails().flatMap((mail) => mail.to)).size >= count || exited(worker!), options.timeoutMs ?? 120_000, "all subscribers");
    // Room for anything that would still arrive twice.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } finally {
    if (worker && !exited(worker)) {
      worker.kill("SIGTERM");
      await waitForExit(worker);
    }
    await smtp.close();
  }

  const mails = drillMails();
  const perRecipient = new Map<string, CapturedMail[]>();
  for (const mail of mails) for (const to of mail.to) perRecipient.set(to, [...(perRecipient.get(to) ?? []), mail]);
  let missing = 0;
  let duplicate = 0;
  let resentCopies = 0;
  for (const address of addresses) {
    const received = perRecipient.get(address) ?? [];
    const distinct = new Set(received.map((mail) => mail.messageId));
    if (distinct.size === 0) missing++;
    if (distinct.size > 1) duplicate++;
    resentCopies += received.length - distinct.size;
  }
  // Every copy a subscriber got is the message meant for them (their own dedupe key's Message-ID).
  const ids = await withWorker((tx) => tx.subscription.findMany({ where: { tenantId }, select: { id: true, email: true } }));
  const foreign = ids.filter(({ id, email }) => (perRecipient.get(email) ?? []).some((mail) => mail.messageId !== messageIdFor(`${dedupeKey}:${id}`))).length;
  const result = { subscribers: count, missing, duplicate, foreign, transmissions: mails.length, resentCopies, killedAfter, seconds: Math.round((Date.now() - started) / 1000) };
  await withTenant(tenantId, (tx) => tx.tenant.delete({ where: { id: tenantId } })).catch(() => {});
  return result;
}

async function seedDrill(count: number) {
  const tenantId = randomUUID();
  const slug = `drill-${tenantId.slice(0, 8)}`;
  const addresses = Array.from({ length: count }, (_, i) => `subscriber-${String(i + 1).padStart(4, "0")}@${slug}.example`);
  const versionId = await withTenant(tenantId, async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, slug, name: `Drill ${slug}` }, select: { id: true } });
    const document = await tx.measuresDocument.create({ data: { tenantId, key: "measures" }, select: { id: true } });
    const draft = await tx.measuresVersion.create({
      data: { tenantId, documentId: document.id, number: 1, title: { de: "Drill", en: "Drill" }, changeSummary: { de: "Übung", en: "Drill" } },
      select: { id: true },
    });
    const now = new Date();
    await tx.measuresVersion.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: now, effectiveAt: now }, select: { id: true } });
    const ids = addresses.map(() => randomUUID());
    await tx.subscription.createMany({
      data: addresses.map((email, i) => ({ id: ids[i]!, tenantId, email, locale: i % 2 ? "en" : "de", topics: ["measures"], confirmedAt: now, unsubscribeTokenHash: unsubscribeTokenHash(ids[i]!) })),
    });
    return draft.id;
  });
  return { tenantId, addresses, dedupeKey: `measures.published:${versionId}` };
}

function startWorkerProcess(databaseUrl: string, smtpUrl: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_ENV: "test",
    // A killed worker's job is retried within seconds, and its unfinished email claims taken over.
    OUTBOX_JOB_TIMEOUT_SECONDS: "8",
    OUTBOX_EMAIL_CLAIM_SECONDS: "10",
  };
  delete env.PGLITE_DIR;
  // Node itself with tsx as a loader (not the tsx CLI, which runs the script in a child process that
  // would survive a SIGKILL of its parent): the pid killed is the worker's.
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`drill: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
