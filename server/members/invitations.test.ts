import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, withTenant } from "../db/client";
import { hashToken } from "../security/tokens";
import { acceptInvitation, findOpenInvitation } from "./accept-invitation";
import { INVITATION_TTL_MS, inviteMember } from "./invite-member";
import { listInvitations, listMembers } from "./queries";
import { revokeInvitation } from "./revoke-invitation";
import {
  addMember, auditActions, auditEvents, createUser, expectAppError, expectDenied, invitationToken, mailsTo, meta, rolesOf, sessionOf, staffTenant, unique, type StaffTenant,
} from "./test-fixtures";

// Invitations from the inviter's and the invitee's side, as the running app does them (app_user,
// row-level security on). Each test invites its own addresses, so tests do not depend on each other.

connectTestDatabase({ role: "app" });
afterAll(closeDb);

let acme: StaffTenant;
let other: StaffTenant;
beforeAll(async () => {
  acme = await staffTenant("acme");
  other = await staffTenant("other");
});

const invite = (email: string, roles: Parameters<typeof inviteMember>[0]["roles"], extra: Partial<Parameters<typeof inviteMember>[0]> = {}) =>
  inviteMember({ tenant: acme.tenant, actor: acme.owner, email, roles, locale: "de", meta, ...extra });

async function openInvitationsFor(tenantId: string, email: string) {
  return withTenant(tenantId, (tx) => tx.invitation.findMany({ where: { email, acceptedAt: null, revokedAt: null } }));
}

describe("inviteMember", () => {
  it("stores only the token's hash, expires in 7 days, audits, and mails the link in the chosen language", async () => {
    const email = `${unique("new")}@example.com`;
    const before = Date.now();
    const { invitationId, reinvited } = await invite(` ${email.toUpperCase()} `, ["LEGAL_EDITOR", "ADMIN", "LEGAL_EDITOR"]);
    expect(reinvited).toBe(false);

    const token = await invitationToken(email);
    const [row] = await openInvitationsFor(acme.tenant.id, email);
    expect(row).toMatchObject({ id: invitationId, email, roles: ["LEGAL_EDITOR", "ADMIN"], tokenHash: hashToken(token), invitedById: acme.owner.id, acceptedAt: null });
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_TTL_MS);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(INVITATION_TTL_MS);

    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe(`Einladung in das Trust Center von ${acme.tenant.name}`);
    expect(mail!.text).toContain(`http://localhost:3000/invitations/${token}\n`);
    expect(mail!.text).toContain("mit diesen Rollen: Redaktion (Recht), Admin.");
    expect(mail!.text).toContain(`${acme.owner.email} lädt Sie`);
    expect(mail!.text).toContain("7 Tage gültig");

    const events = await auditEvents(acme.tenant.id);
    const event = events.find((e) => e.targetId === invitationId);
    expect(event).toMatchObject({ chain: acme.tenant.id, tenantId: acme.tenant.id, action: "member.invited", actorId: acme.owner.id, actorEmail: acme.owner.email, actorRoles: ["OWNER"], targetType: "invitation", ip: meta.ip, requestId: meta.requestId });
    expect(event!.data).toMatchObject({ email, roles: ["LEGAL_EDITOR", "ADMIN"], reinvited: false, locale: "de" });
  });

  it("writes the email in English when the inviter chooses English", async () => {
    const email = `${unique("en")}@example.com`;
    await invite(email, ["SECURITY_REVIEWER"], { locale: "en" });
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe(`Invitation to the ${acme.tenant.name} trust center`);
    expect(mail!.text).toContain("with these roles: Security reviewer.");
    expect(mail!.text).toContain("valid for 7 days");
  });

  it("keeps one open invitation per address: inviting again replaces the link, roles and expiry", async () => {
    const email = `${unique("again")}@example.com`;
    const first = await invite(email, ["LEGAL_EDITOR"]);
    const firstToken = await invitationToken(email);
    const second = await invite(email, ["LEGAL_APPROVER"], { locale: "en" });
    const secondToken = await invitationToken(email);

    expect(second).toEqual({ invitationId: first.invitationId, reinvited: true });
    expect(secondToken).not.toBe(firstToken);
    const open = await openInvitationsFor(acme.tenant.id, email);
    expect(open.map((row) => [row.id, row.roles, row.tokenHash])).toEqual([[first.invitationId, ["LEGAL_APPROVER"], hashToken(secondToken)]]);
    expect(await findOpenInvitation(firstToken)).toBeNull();
    expect((await findOpenInvitation(secondToken))?.roles).toEqual(["LEGAL_APPROVER"]);
    const events = (await auditEvents(acme.tenant.id)).filter((e) => e.targetId === first.invitationId);
    expect(events.map((e) => [e.action, (e.data as { reinvited: boolean }).reinvited])).toEqual([
      ["member.invited", false],
      ["member.invited", true],
    ]);
  });

  it("refuses an address that is already a member, and writes and sends nothing", async () => {
    const member = await addMember(acme.tenant.id, `${unique("member")}@example.com`, ["LEGAL_EDITOR"]);
    const actionsBefore = await auditActions(acme.tenant.id);
    await expectAppError(() => invite(member.email.toUpperCase(), ["ADMIN"]), "conflict", "alreadyMember");
    expect(await openInvitationsFor(acme.tenant.id, member.email)).toEqual([]);
    expect(await mailsTo(member.email)).toEqual([]);
    expect(await auditActions(acme.tenant.id)).toEqual(actionsBefore);
  });

  it("lets only an owner invite an owner", async () => {
    const admin = await addMember(acme.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const email = `${unique("would-be-owner")}@example.com`;
    await expectDenied(() => invite(email, ["OWNER", "ADMIN"], { actor: admin }));
    expect(await openInvitationsFor(acme.tenant.id, email)).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
    // An admin may invite anyone else, but not overwrite an owner's pending OWNER invitation.
    await invite(email, ["OWNER"]);
    await expectDenied(() => invite(email, ["LEGAL_EDITOR"], { actor: admin }));
    expect((await openInvitationsFor(acme.tenant.id, email)).map((row) => row.roles)).toEqual([["OWNER"]]);
    await invite(`${unique("by-admin")}@example.com`, ["LEGAL_EDITOR"], { actor: admin });
  });

  it("re-checks the actor's permission in the database (an editor cannot invite)", async () => {
    const editor = await addMember(acme.tenant.id, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
    const email = `${unique("x")}@example.com`;
    await expectDenied(() => invite(email, ["LEGAL_EDITOR"], { actor: { ...editor, roles: ["ADMIN"] } }));
    expect(await mailsTo(email)).toEqual([]);
  });

  it("needs at least one role", async () => {
    const email = `${unique("noroles")}@example.com`;
    await expectAppError(() => invite(email, []), "invalid");
    expect(await mailsTo(email)).toEqual([]);
  });

  it("is rate-limited per tenant", async () => {
    const limited = await staffTenant("limited");
    const send = (i: number) => inviteMember({ tenant: limited.tenant, actor: limited.owner, email: `n${i}@limited.example`, roles: ["LEGAL_EDITOR"], locale: "en", meta });
    for (let i = 0; i < 50; i++) await send(i);
    const error = await expectAppError(() => send(50), "rateLimited");
    expect(Number(error.details?.retryAfterSeconds)).toBeGreaterThan(0);
    expect(await mailsTo("n50@limited.example")).toEqual([]);
    // Another tenant's limit is its own.
    await invite(`${unique("still")}@example.com`, ["LEGAL_EDITOR"]);
  });
});

describe("listInvitations and revokeInvitation", () => {
  it("lists open invitations as pending or expired, and no accepted or revoked ones", async () => {
    const t = await staffTenant("list");
    const inviteHere = (email: string) => inviteMember({ tenant: t.tenant, actor: t.owner, email, roles: ["ADMIN"], locale: "en", meta });
    const pending = await inviteHere("pending@list.example");
    const expired = await inviteHere("expired@list.example");
    const revoked = await inviteHere("revoked@list.example");
    await inviteHere("accepted@list.example");
    await withTenant(t.tenant.id, (tx) => tx.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    await revokeInvitation({ tenant: t.tenant, actor: t.owner, invitationId: revoked.invitationId, meta });
    const invitee = await createUser("accepted@list.example");
    await acceptInvitation({ token: await invitationToken("accepted@list.example"), session: await sessionOf(invitee.id), meta });

    const rows = await listInvitations(t.tenant.id);
    // Newest first.
    expect(rows.map((row) => [row.id, row.email, row.status, row.invitedBy, row.roles])).toEqual([
      [expired.invitationId, "expired@list.example", "expired", t.owner.email, ["ADMIN"]],
      [pending.invitationId, "pending@list.example", "pending", t.owner.email, ["ADMIN"]],
    ]);
    // Another tenant's list does not show them.
    expect((await listInvitations(other.tenant.id)).map((row) => row.email)).not.toContain("pending@list.example");
  });

  it("revokes: the link stops working, the event is audited, a second revoke finds nothing", async () => {
    const email = `${unique("revoke")}@example.com`;
    const { invitationId } = await invite(email, ["LEGAL_EDITOR"]);
    const token = await invitationToken(email);
    await revokeInvitation({ tenant: acme.tenant, actor: acme.owner, invitationId, meta });

    expect(await findOpenInvitation(token)).toBeNull();
    const invitee = await createUser(email);
    await expectAppError(() => acceptInvitation({ token, session: { ...sessionStub(invitee) }, meta }), "invalid", "revoked");
    const event = (await auditEvents(acme.tenant.id)).filter((e) => e.targetId === invitationId).at(-1);
    expect(event).toMatchObject({ action: "invitation.revoked", chain: acme.tenant.id, actorId: acme.owner.id, data: { email, roles: ["LEGAL_EDITOR"] } });
    await expectAppError(() => revokeInvitation({ tenant: acme.tenant, actor: acme.owner, invitationId, meta }), "notFound");
  });

  it("answers notFound for another tenant's invitation id and changes nothing there", async () => {
    const email = `${unique("foreign")}@example.com`;
    const { invitationId } = await inviteMember({ tenant: other.tenant, actor: other.owner, email, roles: ["ADMIN"], locale: "en", meta });
    const otherEventsBefore = await auditActions(other.tenant.id);
    await expectAppError(() => revokeInvitation({ tenant: acme.tenant, actor: acme.owner, invitationId, meta }), "notFound");
    await expectAppError(() => revokeInvitation({ tenant: acme.tenant, actor: acme.owner, invitationId: "not-a-uuid", meta }), "notFound");
    expect((await openInvitationsFor(other.tenant.id, email)).map((row) => row.revokedAt)).toEqual([null]);
    expect(await auditActions(other.tenant.id)).toEqual(otherEventsBefore);
  });

  it("lets only an owner revoke an invitation that grants OWNER", async () => {
    const admin = await addMember(acme.tenant.id, `${unique("admin")}@example.com`, ["ADMIN"]);
    const { invitationId } = await invite(`${unique("owner-to-be")}@example.com`, ["OWNER"]);
    await expectDenied(() => revokeInvitation({ tenant: acme.tenant, actor: admin, invitationId, meta }));
    await revokeInvitation({ tenant: acme.tenant, actor: acme.owner, invitationId, meta });
  });
});

function sessionStub(user: { id: string; email: string }) {
  return { id: "stub", user: { id: user.id, email: user.email, name: null, locale: "de", hasPassword: false, totpEnabled: false }, method: "MAGIC_LINK" as const, mfa: false, kind: "customer" as const, memberships: [] };
}

describe("acceptInvitation", () => {
  it("creates the membership once, marks the invitation accepted and audits it in the tenant's chain", async () => {
    const email = `${unique("joiner")}@example.com`;
    const { invitationId } = await invite(email, ["LEGAL_APPROVER", "SECURITY_REVIEWER"]);
    const token = await invitationToken(email);
    const open = await findOpenInvitation(token);
    expect(open).toMatchObject({ id: invitationId, email, roles: ["LEGAL_APPROVER", "SECURITY_REVIEWER"], tenant: { id: acme.tenant.id, slug: acme.tenant.slug, name: acme.tenant.name } });

    const invitee = await createUser(email, "Jo Iner");
    const result = await acceptInvitation({ token, session: await sessionOf(invitee.id), meta });
    expect(result).toEqual({ tenant: { id: acme.tenant.id, slug: acme.tenant.slug }, roles: ["LEGAL_APPROVER", "SECURITY_REVIEWER"] });
    expect(await rolesOf(acme.tenant.id, invitee.id)).toEqual(["LEGAL_APPROVER", "SECURITY_REVIEWER"]);
    const member = (await listMembers(acme.tenant.id)).find((m) => m.userId === invitee.id);
    expect(member).toMatchObject({ email, name: "Jo Iner", roles: ["LEGAL_APPROVER", "SECURITY_REVIEWER"] });
    expect(member!.since).toBeInstanceOf(Date);
    expect(await openInvitationsFor(acme.tenant.id, email)).toEqual([]);
    const event = (await auditEvents(acme.tenant.id)).find((e) => e.targetId === invitationId && e.action === "invitation.accepted");
    expect(event).toMatchObject({ chain: acme.tenant.id, actorId: invitee.id, actorEmail: email, data: { email, before: [], after: ["LEGAL_APPROVER", "SECURITY_REVIEWER"] } });
    expect((await auditEvents(other.tenant.id)).some((e) => e.targetId === invitationId)).toBe(false);

    // The link works once.
    expect(await findOpenInvitation(token)).toBeNull();
    await expectAppError(() => acceptInvitation({ token, session: sessionStub(invitee), meta }), "invalid", "used");
  });

  it("refuses a signed-in user with another address, and writes nothing", async () => {
    const email = `${unique("meant")}@example.com`;
    await invite(email, ["ADMIN"]);
    const token = await invitationToken(email);
    const stranger = await createUser(`${unique("stranger")}@example.com`);
    const actionsBefore = await auditActions(acme.tenant.id);
    await expectAppError(() => acceptInvitation({ token, session: sessionStub(stranger), meta }), "forbidden", "emailMismatch");
    expect(await rolesOf(acme.tenant.id, stranger.id)).toBeNull();
    expect(await openInvitationsFor(acme.tenant.id, email)).toHaveLength(1);
    expect(await auditActions(acme.tenant.id)).toEqual(actionsBefore);
    expect(await findOpenInvitation(token)).not.toBeNull();
  });

  it("refuses an expired invitation", async () => {
    const email = `${unique("late")}@example.com`;
    const { invitationId } = await invite(email, ["ADMIN"]);
    const token = await invitationToken(email);
    const invitee = await createUser(email);
    // Just before expiry it is still open; at expiry it is not.
    const open = await findOpenInvitation(token);
    expect(await findOpenInvitation(token, new Date(open!.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await findOpenInvitation(token, open!.expiresAt)).toBeNull();
    await expectAppError(() => acceptInvitation({ token, session: sessionStub(invitee), meta, now: open!.expiresAt }), "invalid", "expired");
    await withTenant(acme.tenant.id, (tx) => tx.invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 60_000) } }));
    await expectAppError(() => acceptInvitation({ token, session: sessionStub(invitee), meta }), "invalid", "expired");
    expect(await rolesOf(acme.tenant.id, invitee.id)).toBeNull();
  });

  it("refuses unknown and malformed tokens the same way", async () => {
    const user = await createUser(`${unique("guess")}@example.com`);
    for (const token of ["", "x", "a".repeat(43), "../../etc/passwd", "'; DROP TABLE invitations; --"]) {
      expect(await findOpenInvitation(token)).toBeNull();
      await expectAppError(() => acceptInvitation({ token, session: sessionStub(user), meta }), "invalid", "unknown");
    }
  });

  it("adds the invited roles to an existing membership", async () => {
    const email = `${unique("merge")}@example.com`;
    await invite(email, ["LEGAL_EDITOR", "ADMIN"]);
    const token = await invitationToken(email);
    // Meanwhile the person became a member by other means.
    const member = await addMember(acme.tenant.id, email, ["SECURITY_REVIEWER", "ADMIN"]);
    const result = await acceptInvitation({ token, session: sessionStub(member), meta });
    expect(result.roles).toEqual(["ADMIN", "LEGAL_EDITOR", "SECURITY_REVIEWER"]);
    expect(await rolesOf(acme.tenant.id, member.id)).toEqual(["ADMIN", "LEGAL_EDITOR", "SECURITY_REVIEWER"]);
  });
});
