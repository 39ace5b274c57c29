import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { readSession } from "../auth/session";
import { closeDb, getDb } from "../db/client";
import { resetMemberMfa } from "./reset-member-mfa";
import { addMember, auditEvents, expectAppError, expectDenied, meta, signIn, staffTenant, unique } from "./test-fixtures";

// An admin resets a member's lost authenticator: the factor is gone, every session ends, and the
// reset is in the tenant's audit chain. As the app does it (app_user, RLS on).
connectTestDatabase({ role: "app" });
afterAll(closeDb);

async function enrolledMember(tenantId: string, roles: Parameters<typeof addMember>[2]) {
  const member = await addMember(tenantId, `${unique("member")}@example.com`, roles);
  const db = await getDb();
  await db.user.update({ where: { id: member.id }, data: { totpSecret: "sealed-secret", totpEnabledAt: new Date(), totpLastStep: 1, recoveryCodes: { create: { codeHash: unique("code") } } } });
  return member;
}

describe("resetMemberMfa", () => {
  it("turns the member's TOTP off, deletes their recovery codes, ends their sessions and audits it", async () => {
    const t = await staffTenant("mfa");
    const admin = await addMember(t.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const editor = await enrolledMember(t.tenant.id, ["LEGAL_EDITOR"]);
    const cookies = [await signIn(editor.id, "PASSWORD"), await signIn(editor.id)];

    const result = await resetMemberMfa({ tenant: t.tenant, actor: admin, memberId: editor.memberId, meta });
    expect(result).toEqual({ userId: editor.id, sessionsEnded: 2 });
    for (const cookie of cookies) expect(await readSession(cookie, new Date())).toBeNull();
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: editor.id }, include: { recoveryCodes: true } });
    expect({ secret: user.totpSecret, enabled: user.totpEnabledAt, step: user.totpLastStep, codes: user.recoveryCodes.length }).toEqual({ secret: null, enabled: null, step: null, codes: 0 });
    const events = await auditEvents(t.tenant.id);
    expect(events.at(-1)).toMatchObject({ action: "member.mfa_reset", actorId: admin.id, actorRoles: ["ADMIN"], targetId: editor.memberId, data: { userId: editor.id, sessionsEnded: 2 } });
  });

  it("lets only an owner reset an owner, refuses one's own reset, and does not reach into another tenant", async () => {
    const t = await staffTenant("mfa-rules");
    const other = await staffTenant("mfa-other");
    const admin = await addMember(t.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const coOwner = await enrolledMember(t.tenant.id, ["OWNER"]);
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    const foreign = await enrolledMember(other.tenant.id, ["ADMIN"]);

    await expectDenied(() => resetMemberMfa({ tenant: t.tenant, actor: admin, memberId: coOwner.memberId, meta }));
    await expectDenied(() => resetMemberMfa({ tenant: t.tenant, actor: editor, memberId: admin.memberId, meta }));
    await expectAppError(() => resetMemberMfa({ tenant: t.tenant, actor: admin, memberId: admin.memberId, meta }), "conflict", "self");
    await expectAppError(() => resetMemberMfa({ tenant: t.tenant, actor: admin, memberId: foreign.memberId, meta }), "notFound");
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).totpEnabledAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: coOwner.id } })).totpEnabledAt).not.toBeNull();

    await resetMemberMfa({ tenant: t.tenant, actor: t.owner, memberId: coOwner.memberId, meta });
    expect((await db.user.findUniqueOrThrow({ where: { id: coOwner.id } })).totpEnabledAt).toBeNull();
  });
});
