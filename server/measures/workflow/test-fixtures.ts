// Fixtures for the review workflow's integration tests (not a test file itself): a fresh tenant
// with editors and approvers, a published first version and a draft of the second, written as the
// app writes them (inside the tenant's context, where row-level security applies).
import type { StaffRole } from "@/lib/auth/permissions";
import { withTenant } from "../../db/client";
import { addMember, staffTenant } from "../../members/test-fixtures";
import { sourceHash } from "../drafts/source-hash";
import type { WorkflowActor } from "./context";

export const meta = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-publishing" };

export interface WorkflowTenant {
  tenant: { id: string; slug: string; name: string };
  editor: WorkflowActor;
  secondEditor: WorkflowActor;
  approver: WorkflowActor;
  /** Holds LEGAL_EDITOR and LEGAL_APPROVER: may approve only drafts they did not work on. */
  editorApprover: WorkflowActor;
  documentId: string;
  firstVersionId: string;
}

async function member(tenantId: string, slug: string, local: string, roles: StaffRole[]): Promise<WorkflowActor> {
  const user = await addMember(tenantId, `${local}@${slug}.example`, roles);
  return { id: user.id, email: user.email, name: null };
}

export async function workflowTenant(options: { noticePeriodDays?: number } = {}): Promise<WorkflowTenant> {
  const { tenant } = await staffTenant("pub");
  const editor = await member(tenant.id, tenant.slug, "editor", ["LEGAL_EDITOR"]);
  const secondEditor = await member(tenant.id, tenant.slug, "editor2", ["LEGAL_EDITOR"]);
  const approver = await member(tenant.id, tenant.slug, "approver", ["LEGAL_APPROVER"]);
  const editorApprover = await member(tenant.id, tenant.slug, "both", ["LEGAL_EDITOR", "LEGAL_APPROVER"]);
  const { documentId, firstVersionId } = await withTenant(tenant.id, async (tx) => {
    if (options.noticePeriodDays !== undefined) await tx.tenant.update({ where: { id: tenant.id }, data: { noticePeriodDays: options.noticePeriodDays } });
    // createTenant starts the tenant with its (empty) measures document.
    const document = await tx.measuresDocument.upsert({ where: { tenantId_key: { tenantId: tenant.id, key: "measures" } }, create: { tenantId: tenant.id, key: "measures" }, update: {} });
    const first = await tx.measuresVersion.create({ data: { tenantId: tenant.id, documentId: document.id, number: 1, title: { de: "Maßnahmen", en: "Measures" } } });
    await tx.measuresSection.createMany({
      data: ["de", "en"].map((locale) => ({ tenantId: tenant.id, versionId: first.id, key: "verschluesselung", locale, position: 0, number: "1", title: "Verschlüsselung", body: "AES-128." })),
    });
    const day = 86_400_000;
    await tx.measuresVersion.update({ where: { id: first.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 10 * day), effectiveAt: new Date(Date.now() - 10 * day) } });
    return { documentId: document.id, firstVersionId: first.id };
  });
  return { tenant, editor, secondEditor, approver, editorApprover, documentId, firstVersionId };
}

/** A draft of the next version, created by `creator` and changed by each of `authors` (as the editor's saves record them). */
export async function createDraft(
  w: WorkflowTenant,
  creator: WorkflowActor,
  options: { authors?: WorkflowActor[]; material?: boolean; number?: number; translated?: boolean } = {},
): Promise<string> {
  return withTenant(w.tenant.id, async (tx) => {
    const last = await tx.measuresVersion.findFirst({ where: { documentId: w.documentId }, orderBy: { number: "desc" }, select: { number: true } });
    const draft = await tx.measuresVersion.create({
      data: { tenantId: w.tenant.id, documentId: w.documentId, number: options.number ?? (last?.number ?? 0) + 1, title: { de: "Maßnahmen", en: "Measures" }, createdById: creator.id, changeSummary: { de: "AES-256", en: "AES-256" } },
    });
    await tx.measuresSection.createMany({
      data: ["de", "en"].map((locale) => ({
        tenantId: w.tenant.id, versionId: draft.id, key: "verschluesselung", locale, position: 0, number: "1", title: "Verschlüsselung", body: "AES-256.",
        changeKind: locale === "de" ? (options.material ? ("MATERIAL" as const) : ("EDITORIAL" as const)) : null,
        // The English translation was edited against this German text (unless the test wants it outdated).
        sourceHash: locale === "en" && options.translated !== false ? sourceHash("Verschlüsselung", "AES-256.") : null,
      })),
    });
    for (const author of [creator, ...(options.authors ?? [])]) {
      await tx.measuresVersionAuthor.createMany({ data: { tenantId: w.tenant.id, versionId: draft.id, userId: author.id }, skipDuplicates: true });
    }
    return draft.id;
  });
}

export async function versionState(tenantId: string, versionId: string) {
  return withTenant(tenantId, async (tx) => {
    const version = await tx.measuresVersion.findUniqueOrThrow({ where: { id: versionId } });
    const events = await tx.measuresVersionEvent.findMany({ where: { versionId }, orderBy: { createdAt: "asc" }, select: { kind: true, actorId: true, comment: true } });
    const outbox = await tx.outboxMessage.findMany({ where: { tenantId }, orderBy: { dedupeKey: "asc" }, select: { kind: true, dedupeKey: true, payload: true, availableAt: true } });
    const audit = await tx.auditEvent.findMany({ where: { targetId: versionId }, orderBy: { seq: "asc" }, select: { action: true, actorId: true, data: true } });
    return { version, events, outbox: outbox.filter((m) => m.dedupeKey.includes(versionId)), audit };
  });
}
