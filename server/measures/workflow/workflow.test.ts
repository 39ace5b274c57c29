import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../../db/client";
import { addMember, expectAppError } from "../../members/test-fixtures";
import { approveAndPublish } from "./publish-version";
import { returnDraft } from "./return-draft";
import { submitForReview } from "./submit-for-review";
import { createDraft, meta, versionState, workflowTenant, type WorkflowTenant } from "./test-fixtures";

connectTestDatabase();
afterAll(closeDb);

const DAY = 86_400_000;
let w: WorkflowTenant;
beforeAll(async () => {
  w = await workflowTenant();
});

const submit = (actor: WorkflowTenant["editor"], versionId: string) => submitForReview({ tenant: w.tenant, actor, versionId, meta });
const submission = async (versionId: string) => (await versionState(w.tenant.id, versionId)).version.submittedAt!.toISOString();
type ApproveOptions = Partial<Pick<Parameters<typeof approveAndPublish>[0], "effectiveAt" | "materialDecision" | "comment" | "submission">>;
const approve = async (actor: WorkflowTenant["editor"], versionId: string, options: ApproveOptions = {}) =>
  approveAndPublish({ tenant: w.tenant, actor, versionId, meta, submission: options.submission ?? (await submission(versionId)), effectiveAt: null, materialDecision: null, comment: null, ...options });

/** Publishes (and so retires) the draft, so the next test starts its own draft of the next number. */
async function finish(versionId: string) {
  const state = await versionState(w.tenant.id, versionId);
  if (state.version.status === "DRAFT") await submit(w.editor, versionId);
  if (state.version.status !== "PUBLISHED") await approve(w.approver, versionId, { materialDecision: "confirmNoReduction" });
}

describe("submit for review", () => {
  it("moves an editor's draft into review, with a timeline event and an audit event; an approver cannot submit", async () => {
    const draft = await createDraft(w, w.editor);
    const denied = await expectAppError(() => submit(w.approver, draft), "forbidden");
    expect(denied).toBeInstanceOf(AuthorizationError);
    expect((await versionState(w.tenant.id, draft)).version.status).toBe("DRAFT");

    await submit(w.secondEditor, draft);
    const state = await versionState(w.tenant.id, draft);
    expect(state.version).toMatchObject({ status: "IN_REVIEW", submittedById: w.secondEditor.id });
    expect(state.events).toEqual([{ kind: "SUBMITTED", actorId: w.secondEditor.id, comment: null }]);
    expect(state.audit.map((a) => a.action)).toEqual(["measures.version_submitted"]);
    // The table has no submit from IN_REVIEW.
    await expectAppError(() => submit(w.editor, draft), "conflict", "status");
    await finish(draft);
  });

  it("refuses a draft with an outdated translation while the tenant requires every locale", async () => {
    const draft = await createDraft(w, w.editor, { translated: false });
    const error = await expectAppError(() => submit(w.editor, draft), "invalid", "incompleteLocales");
    expect(error.details?.locales).toBe("en");
    expect((await versionState(w.tenant.id, draft)).version.status).toBe("DRAFT");
    await withTenant(w.tenant.id, (tx) => tx.tenant.update({ where: { id: w.tenant.id }, data: { requireAllLocales: false } }));
    await submit(w.editor, draft);
    // Switched on again before the approval: publishing is refused too.
    await withTenant(w.tenant.id, (tx) => tx.tenant.update({ where: { id: w.tenant.id }, data: { requireAllLocales: true } }));
    await expectAppError(() => approve(w.approver, draft), "invalid", "incompleteLocales");
    expect((await versionState(w.tenant.id, draft)).version.status).toBe("IN_REVIEW");
    await withTenant(w.tenant.id, (tx) => tx.tenant.update({ where: { id: w.tenant.id }, data: { requireAllLocales: false } }));
    await finish(draft);
    await withTenant(w.tenant.id, (tx) => tx.tenant.update({ where: { id: w.tenant.id }, data: { requireAllLocales: true } }));
  });

  it("refuses another tenant's version as not found", async () => {
    const other = await workflowTenant();
    const foreign = await createDraft(other, other.editor);
    await expectAppError(() => submit(w.editor, foreign), "notFound");
    await expectAppError(() => submit(w.editor, "not-a-uuid"), "notFound");
    expect((await versionState(other.tenant.id, foreign)).version.status).toBe("DRAFT");
  });
});

describe("four eyes", () => {
  it("refuses the creator, an author and the submitter, even holding the approver role; nothing is written", async () => {
    const draft = await createDraft(w, w.editorApprover, { authors: [w.editor] });
    await submit(w.editor, draft);
    const before = await versionState(w.tenant.id, draft);
    for (const attempt of [() => approve(w.editorApprover, draft), () => returnDraft({ tenant: w.tenant, actor: w.editorApprover, versionId: draft, meta, submission: before.version.submittedAt!.toISOString(), comment: "x" })]) {
      const error = await expectAppError(attempt, "forbidden");
      expect(error).toBeInstanceOf(AuthorizationError);
      expect(error.message).toMatch(/four eyes/);
    }
    expect(await versionState(w.tenant.id, draft)).toEqual(before);
    await finish(draft);
  });

  it("lets an approver who took no part return the draft with comments, which editors can then change again", async () => {
    const draft = await createDraft(w, w.editor);
    await submit(w.editor, draft);
    const seen = await submission(draft);
    await expectAppError(() => returnDraft({ tenant: w.tenant, actor: w.approver, versionId: draft, meta, submission: new Date(0).toISOString(), comment: "x" }), "conflict", "resubmitted");
    await returnDraft({ tenant: w.tenant, actor: w.approver, versionId: draft, meta, submission: seen, comment: "Bitte §3 präzisieren." });
    const state = await versionState(w.tenant.id, draft);
    expect(state.version).toMatchObject({ status: "DRAFT", submittedById: null, submittedAt: null });
    expect(state.events.map((e) => [e.kind, e.actorId, e.comment])).toEqual([
      ["SUBMITTED", w.editor.id, null],
      ["RETURNED", w.approver.id, "Bitte §3 präzisieren."],
    ]);
    expect(state.audit.map((a) => a.action)).toEqual(["measures.version_submitted", "measures.version_returned"]);
    // A returned draft is not in review: approving it is refused by the table.
    await expectAppError(() => approve(w.approver, draft, { submission: seen }), "conflict", "status");
    await finish(draft);
  });
});

describe("approve and publish", () => {
  it("publishes an editorial change effective now: dates, approver, events, audit, and one outbox message", async () => {
    const draft = await createDraft(w, w.editor);
    await submit(w.editor, draft);
    const before = Date.now();
    const published = await approve(w.approver, draft, { comment: "Passt." });
    const state = await versionState(w.tenant.id, draft);
    expect(state.version).toMatchObject({ status: "PUBLISHED", changeKind: "EDITORIAL", approvedById: w.approver.id, approvedByName: w.approver.email, noReductionConfirmedAt: null });
    expect(state.version.publishedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(state.version.effectiveAt).toEqual(state.version.publishedAt);
    expect(published).toMatchObject({ versionId: draft, slug: w.tenant.slug, changeKind: "EDITORIAL" });
    expect(state.events.map((e) => [e.kind, e.comment])).toEqual([["SUBMITTED", null], ["APPROVED", "Passt."], ["PUBLISHED", null]]);
    expect(state.audit.map((a) => a.action)).toEqual(["measures.version_submitted", "measures.version_published"]);
    expect(state.outbox).toEqual([{ kind: "measures.published", dedupeKey: `measures.published:${draft}`, payload: { versionId: draft, number: published.number }, availableAt: expect.any(Date) }]);
  });

  it("asks for the material decision, records the confirmation with name and time", async () => {
    const draft = await createDraft(w, w.editor, { material: true });
    await submit(w.editor, draft);
    await expectAppError(() => approve(w.approver, draft), "invalid", "materialDecision");
    await approve(w.approver, draft, { materialDecision: "confirmNoReduction" });
    const { version, outbox } = await versionState(w.tenant.id, draft);
    expect(version).toMatchObject({ changeKind: "EDITORIAL", noReductionConfirmedById: w.approver.id, noReductionConfirmedBy: w.approver.email });
    expect(version.noReductionConfirmedAt).toEqual(version.publishedAt);
    expect(outbox.map((m) => m.kind)).toEqual(["measures.published"]);
  });

  it("enforces the notice period for a material change and schedules the announcements at the effective date", async () => {
    const draft = await createDraft(w, w.editor, { material: true });
    await submit(w.editor, draft);
    const tooEarly = await expectAppError(() => approve(w.approver, draft, { materialDecision: "classifyMaterial" }), "invalid", "notice");
    expect(tooEarly.details).toMatchObject({ field: "effectiveAt", days: 30 });
    await expectAppError(() => approve(w.approver, draft, { materialDecision: "classifyMaterial", effectiveAt: new Date(Date.now() + 29 * DAY) }), "invalid", "notice");
    await expectAppError(() => approve(w.approver, draft, { materialDecision: "classifyMaterial", effectiveAt: "31.12.2026" }), "invalid", "effectiveAtFormat");
    expect((await versionState(w.tenant.id, draft)).version.status).toBe("IN_REVIEW");

    const effectiveAt = new Date(Math.ceil((Date.now() + 31 * DAY) / 1000) * 1000);
    const published = await approve(w.approver, draft, { materialDecision: "classifyMaterial", effectiveAt });
    const { version, outbox } = await versionState(w.tenant.id, draft);
    expect(version).toMatchObject({ status: "PUBLISHED", changeKind: "MATERIAL", effectiveAt, noReductionConfirmedAt: null });
    const payload = { versionId: draft, number: published.number };
    expect(outbox).toEqual([
      { kind: "measures.published", dedupeKey: `measures.published:${draft}`, payload, availableAt: expect.any(Date) },
      { kind: "measures.took_effect", dedupeKey: `measures.took_effect:${draft}`, payload, availableAt: effectiveAt },
      { kind: "trust-center.revalidate", dedupeKey: `trust-center.revalidate:measures-effective:${draft}`, payload: { slug: w.tenant.slug }, availableAt: effectiveAt },
    ]);
    expect(outbox[0]!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());

    // The next version cannot take effect before this scheduled one.
    const next = await createDraft(w, w.editor);
    await submit(w.editor, next);
    await expectAppError(() => approve(w.approver, next), "invalid", "beforePrevious");
    await expectAppError(() => approve(w.approver, next, { effectiveAt: new Date(Date.now() - 60_000) }), "invalid", "past");
    await approve(w.approver, next, { effectiveAt: new Date(effectiveAt.getTime() + DAY) });
  });

  it("publishes once when two approvers approve at the same moment: the other gets a conflict", async () => {
    const tenant = await workflowTenant();
    const { id, email } = await addMember(tenant.tenant.id, `approver2@${tenant.tenant.slug}.example`, ["LEGAL_APPROVER"]);
    const secondApprover = { id, email, name: null };
    const draft = await createDraft(tenant, tenant.editor);
    const { submittedAt } = await submitForReview({ tenant: tenant.tenant, actor: tenant.editor, versionId: draft, meta });
    const attempt = (actor: typeof tenant.approver) =>
      approveAndPublish({ tenant: tenant.tenant, actor, versionId: draft, meta, submission: submittedAt.toISOString(), effectiveAt: null, materialDecision: null, comment: null });
    const results = await Promise.allSettled([attempt(tenant.approver), attempt(secondApprover)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict", details: { reason: "status" } });
    const state = await versionState(tenant.tenant.id, draft);
    expect(state.events.filter((e) => e.kind === "PUBLISHED")).toHaveLength(1);
    expect(state.outbox.map((m) => m.kind)).toEqual(["measures.published"]);
    expect(state.audit.filter((a) => a.action === "measures.version_published")).toHaveLength(1);
  });

  it("refuses to publish a draft older than the newest published version", async () => {
    const tenant = await workflowTenant();
    const old = await createDraft(tenant, tenant.editor, { number: 2 });
    const newer = await createDraft(tenant, tenant.editor, { number: 3 });
    for (const id of [old, newer]) await submitForReview({ tenant: tenant.tenant, actor: tenant.editor, versionId: id, meta });
    const sub = async (id: string) => (await versionState(tenant.tenant.id, id)).version.submittedAt!.toISOString();
    const publish = async (id: string) => approveAndPublish({ tenant: tenant.tenant, actor: tenant.approver, versionId: id, meta, submission: await sub(id), effectiveAt: null, materialDecision: null, comment: null });
    await publish(newer);
    await expectAppError(() => publish(old), "conflict", "superseded");
  });

  it("writes the outbox in the publishing transaction: when the transaction fails, nothing of it remains", async () => {
    // A tenant of its own: the test above scheduled versions in the shared one.
    w = await workflowTenant();
    const draft = await createDraft(w, w.editor);
    await submit(w.editor, draft);
    const before = await versionState(w.tenant.id, draft);
    const db = await getDb();
    // A real failure inside the transaction, after the version, events and audit were written: the
    // outbox insert itself is refused.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION pub_test_refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox refused for the test'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER pub_test_refuse_outbox BEFORE INSERT ON outbox_messages FOR EACH ROW
        WHEN (NEW.dedupe_key = 'measures.published:${draft}') EXECUTE FUNCTION pub_test_refuse_outbox();`);
    try {
      await expect(approve(w.approver, draft)).rejects.toThrow(/outbox refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER pub_test_refuse_outbox ON outbox_messages`);
      await db.$executeRawUnsafe(`DROP FUNCTION pub_test_refuse_outbox()`);
    }
    const after = await versionState(w.tenant.id, draft);
    expect(after).toEqual(before);
    expect(after.version.status).toBe("IN_REVIEW");
    expect(after.outbox).toEqual([]);

    await approve(w.approver, draft);
    expect((await versionState(w.tenant.id, draft)).outbox.map((m) => m.kind)).toEqual(["measures.published"]);
  });
});
