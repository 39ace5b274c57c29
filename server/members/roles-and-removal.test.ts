import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import { readSession } from "../auth/session";
import { closeDb, withTenant } from "../db/client";
import { changeRoles } from "./change-roles";
import { listMembers } from "./queries";
import { removeMember } from "./remove-member";
import { addMember, auditActions, auditEvents, expectAppError, expectDenied, memberId, meta, rolesOf, signIn, staffTenant, unique, type StaffTenant } from "./test-fixtures";

// Changing roles and removing members: the owner rules, tenant isolation and the audit trail, as
// the running app does them (app_user, row-level security on).

connectTestDatabase({ role: "app" });
afterAll(closeDb);

let other: StaffTenant;
beforeAll(async () => {
  other = await staffTenant("other");
});

describe("changeRoles", () => {
  it("replaces the roles and audits before and after in the tenant's chain", async () => {
    const t = await staffTenant("roles");
    const admin = await addMember(t.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const result = await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: admin.memberId, roles: ["LEGAL_EDITOR", "ADMIN", "LEGAL_EDITOR"], meta });
    expect(result).toEqual({ before: ["ADMIN"], after: ["ADMIN", "LEGAL_EDITOR"] });
    expect(await rolesOf(t.tenant.id, admin.id)).toEqual(["ADMIN", "LEGAL_EDITOR"]);

    const events = await auditEvents(t.tenant.id);
    expect(events.map((e) => [e.chain, e.seq, e.action])).toEqual([
      [t.tenant.id, 1, "tenant.created"],
      [t.tenant.id, 2, "member.roles_changed"],
    ]);
    expect(events[1]).toMatchObject({ actorId: t.owner.id, actorRoles: ["OWNER"], targetType: "membership", targetId: admin.memberId, data: { userId: admin.id, email: admin.email, before: ["ADMIN"], after: ["ADMIN", "LEGAL_EDITOR"] } });

    // Saving the same roles again changes and records nothing.
    await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: admin.memberId, roles: ["ADMIN", "LEGAL_EDITOR"], meta });
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created", "member.roles_changed"]);
  });

  it("needs at least one role", async () => {
    const t = await staffTenant("empty");
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    await expectAppError(() => changeRoles({ tenant: t.tenant, actor: t.owner, memberId: editor.memberId, roles: [], meta }), "invalid");
    expect(await rolesOf(t.tenant.id, editor.id)).toEqual(["LEGAL_EDITOR"]);
  });

  it("lets only an owner grant OWNER, take it, or change an owner's roles", async () => {
    const t = await staffTenant("owners");
    const admin = await addMember(t.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    const coOwner = await addMember(t.tenant.id, `${unique("co")}@example.com`, ["OWNER"]);
    const ownerMemberId = await memberId(t.tenant.id, t.owner.id);

    await expectDenied(() => changeRoles({ tenant: t.tenant, actor: admin, memberId: editor.memberId, roles: ["OWNER"], meta }));
    await expectDenied(() => changeRoles({ tenant: t.tenant, actor: admin, memberId: admin.memberId, roles: ["ADMIN", "OWNER"], meta }));
    await expectDenied(() => changeRoles({ tenant: t.tenant, actor: admin, memberId: coOwner.memberId, roles: ["ADMIN"], meta }));
    // Even adding a role to an owner is an owner's decision.
    await expectDenied(() => changeRoles({ tenant: t.tenant, actor: admin, memberId: ownerMemberId, roles: ["OWNER", "ADMIN"], meta }));
    expect([await rolesOf(t.tenant.id, editor.id), await rolesOf(t.tenant.id, admin.id), await rolesOf(t.tenant.id, coOwner.id)]).toEqual([["LEGAL_EDITOR"], ["ADMIN"], ["OWNER"]]);
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created"]);

    // An admin may change everyone else's roles.
    await changeRoles({ tenant: t.tenant, actor: admin, memberId: editor.memberId, roles: ["LEGAL_EDITOR", "LEGAL_APPROVER"], meta });
    // An owner may grant and take OWNER.
    await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: editor.memberId, roles: ["OWNER"], meta });
    await changeRoles({ tenant: t.tenant, actor: coOwner, memberId: editor.memberId, roles: ["LEGAL_EDITOR"], meta });
    expect(await rolesOf(t.tenant.id, editor.id)).toEqual(["LEGAL_EDITOR"]);
  });

  it("uses the actor's roles as they are now, not as the request began", async () => {
    const t = await staffTenant("stale");
    const formerOwner = await addMember(t.tenant.id, `${unique("former")}@example.com`, ["OWNER"]);
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: formerOwner.memberId, roles: ["ADMIN"], meta });
    // formerOwner still carries ["OWNER"] from an earlier request.
    await expectDenied(() => changeRoles({ tenant: t.tenant, actor: formerOwner, memberId: editor.memberId, roles: ["OWNER"], meta }));
    expect(await rolesOf(t.tenant.id, editor.id)).toEqual(["LEGAL_EDITOR"]);
  });

  it("never demotes the last owner, also not themselves", async () => {
    const t = await staffTenant("last");
    const ownerMemberId = await memberId(t.tenant.id, t.owner.id);
    await expectAppError(() => changeRoles({ tenant: t.tenant, actor: t.owner, memberId: ownerMemberId, roles: ["ADMIN"], meta }), "conflict", "lastOwner");
    expect(await rolesOf(t.tenant.id, t.owner.id)).toEqual(["OWNER"]);
    // Adding a role keeps OWNER and is fine.
    await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: ownerMemberId, roles: ["OWNER", "LEGAL_APPROVER"], meta });
    // With a second owner, the first may step down.
    const second = await addMember(t.tenant.id, `${unique("second")}@example.com`, ["OWNER"]);
    await changeRoles({ tenant: t.tenant, actor: t.owner, memberId: ownerMemberId, roles: ["LEGAL_APPROVER"], meta });
    await expectAppError(() => changeRoles({ tenant: t.tenant, actor: second, memberId: second.memberId, roles: ["ADMIN"], meta }), "conflict", "lastOwner");
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created", "member.roles_changed", "member.roles_changed"]);
  });

  it("cannot leave a tenant without owners when two owners demote each other at once", async () => {
    const t = await staffTenant("race");
    const second = await addMember(t.tenant.id, `${unique("second")}@example.com`, ["OWNER"]);
    const firstMemberId = await memberId(t.tenant.id, t.owner.id);
    const outcomes = await Promise.allSettled([
      changeRoles({ tenant: t.tenant, actor: t.owner, memberId: second.memberId, roles: ["ADMIN"], meta }),
      changeRoles({ tenant: t.tenant, actor: second, memberId: firstMemberId, roles: ["ADMIN"], meta }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const failure = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    // Whoever comes second has just been demoted by the other, and may no longer touch an owner.
    expect(failure.reason).toBeInstanceOf(AuthorizationError);
    const owners = (await listMembers(t.tenant.id)).filter((m) => m.roles.includes("OWNER"));
    expect(owners).toHaveLength(1);
  });

  it("answers notFound for a member of another tenant and changes nothing there", async () => {
    const t = await staffTenant("iso");
    const foreign = await addMember(other.tenant.id, `${unique("foreign")}@example.com`, ["LEGAL_EDITOR"]);
    const otherActions = await auditActions(other.tenant.id);
    await expectAppError(() => changeRoles({ tenant: t.tenant, actor: t.owner, memberId: foreign.memberId, roles: ["ADMIN"], meta }), "notFound");
    await expectAppError(() => changeRoles({ tenant: t.tenant, actor: t.owner, memberId: "1; DROP TABLE memberships", roles: ["ADMIN"], meta }), "notFound");
    expect(await rolesOf(other.tenant.id, foreign.id)).toEqual(["LEGAL_EDITOR"]);
    expect(await auditActions(other.tenant.id)).toEqual(otherActions);
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created"]);
  });
});

describe("removeMember", () => {
  it("deletes the membership and every session of that user at once, and audits it", async () => {
    const t = await staffTenant("remove");
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    const laptop = await signIn(editor.id, "PASSWORD");
    const phone = await signIn(editor.id, "MAGIC_LINK");
    const ownersBrowser = await signIn(t.owner.id, "PASSWORD");
    expect((await readSession(laptop, new Date()))?.memberships).toEqual([{ tenantId: t.tenant.id, roles: ["LEGAL_EDITOR"] }]);

    const result = await removeMember({ tenant: t.tenant, actor: t.owner, memberId: editor.memberId, meta });
    expect(result).toEqual({ userId: editor.id, sessionsEnded: 2 });
    expect(await readSession(laptop, new Date())).toBeNull();
    expect(await readSession(phone, new Date())).toBeNull();
    expect(await readSession(ownersBrowser, new Date())).not.toBeNull();
    expect(await rolesOf(t.tenant.id, editor.id)).toBeNull();
    expect((await listMembers(t.tenant.id)).map((m) => m.email)).toEqual([t.owner.email]);

    const event = (await auditEvents(t.tenant.id)).at(-1);
    expect(event).toMatchObject({ chain: t.tenant.id, seq: 2, action: "member.removed", actorId: t.owner.id, targetType: "membership", targetId: editor.memberId, data: { userId: editor.id, email: editor.email, roles: ["LEGAL_EDITOR"], sessionsEnded: 2 } });
    // Removing again finds nothing.
    await expectAppError(() => removeMember({ tenant: t.tenant, actor: t.owner, memberId: editor.memberId, meta }), "notFound");
  });

  it("never removes the last owner", async () => {
    const t = await staffTenant("keep");
    const ownerMemberId = await memberId(t.tenant.id, t.owner.id);
    const browser = await signIn(t.owner.id, "PASSWORD");
    await expectAppError(() => removeMember({ tenant: t.tenant, actor: t.owner, memberId: ownerMemberId, meta }), "conflict", "lastOwner");
    expect(await rolesOf(t.tenant.id, t.owner.id)).toEqual(["OWNER"]);
    expect(await readSession(browser, new Date())).not.toBeNull();
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created"]);
    // With a second owner, one owner may remove the other.
    const second = await addMember(t.tenant.id, `${unique("second")}@example.com`, ["OWNER"]);
    await removeMember({ tenant: t.tenant, actor: second, memberId: ownerMemberId, meta });
    expect(await readSession(browser, new Date())).toBeNull();
  });

  it("lets only an owner remove an owner", async () => {
    const t = await staffTenant("admin-vs-owner");
    const admin = await addMember(t.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    await addMember(t.tenant.id, `${unique("co")}@example.com`, ["OWNER"]);
    const ownerMemberId = await memberId(t.tenant.id, t.owner.id);
    await expectDenied(() => removeMember({ tenant: t.tenant, actor: admin, memberId: ownerMemberId, meta }));
    expect(await rolesOf(t.tenant.id, t.owner.id)).toEqual(["OWNER"]);
    // An editor may remove nobody; an admin may remove a non-owner.
    const editor = await addMember(t.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    await expectDenied(() => removeMember({ tenant: t.tenant, actor: editor, memberId: admin.memberId, meta }));
    await removeMember({ tenant: t.tenant, actor: admin, memberId: editor.memberId, meta });
    expect(await auditActions(t.tenant.id)).toEqual(["tenant.created", "member.removed"]);
  });

  it("answers notFound for a member of another tenant and leaves them and their sessions alone", async () => {
    const t = await staffTenant("iso-remove");
    const foreign = await addMember(other.tenant.id, `${unique("foreign")}@example.com`, ["ADMIN"]);
    const browser = await signIn(foreign.id, "PASSWORD");
    await expectAppError(() => removeMember({ tenant: t.tenant, actor: t.owner, memberId: foreign.memberId, meta }), "notFound");
    expect(await rolesOf(other.tenant.id, foreign.id)).toEqual(["ADMIN"]);
    expect(await readSession(browser, new Date())).not.toBeNull();
    // Row-level security agrees: in this tenant's context the foreign membership does not exist.
    expect(await withTenant(t.tenant.id, (tx) => tx.membership.count({ where: { id: foreign.memberId } }))).toBe(0);
  });
});
