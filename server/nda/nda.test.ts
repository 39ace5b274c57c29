import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attestationSettingsSchema } from "@/lib/validation/attestation-settings";
import { closeDb, withTenant } from "@/server/db/client";
import { auditActions, auditEvents, createUser, expectAppError, meta, staffTenant, unique, type StaffTenant } from "@/server/members/test-fixtures";
import { connectTestDatabase } from "@/server/testing/database";
import { acceptanceExpiresAt, acceptNda, ndaRequirement } from "./acceptance";
import { loadAttestationSettings, saveAttestationSettings } from "./attestation-settings";
import { canonicalNdaText, ndaSha256 } from "./canonical";
import { correctNdaVersion, listNdaVersions, publishNdaVersion } from "./versions";

// The NDA as the running app keeps it (app_user, row-level security on): versions and their lock,
// the acceptance record, when a customer must accept (again), the attestation settings.

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const V1 = { de: "Vertraulich zu behandeln sind alle Unterlagen.\r\nGültig für 2 Jahre.  ", en: "All documents are confidential.\nValid for 2 years." };
const V2 = { de: "Vertraulich zu behandeln sind alle Unterlagen und Auskünfte.", en: "All documents and information are confidential." };

let t: StaffTenant;
let other: StaffTenant;
beforeAll(async () => {
  [t, other] = await Promise.all([staffTenant("nda"), staffTenant("nda-other")]);
});

const publish = (tenant: StaffTenant, text: { de: string; en: string }) => publishNdaVersion({ tenant: tenant.tenant, actor: tenant.owner, text, meta });
const customer = async () => createUser(`${unique("kunde")}@example.com`);
const accept = (tenant: StaffTenant, user: { id: string; email: string }, versionNumber: number, now?: Date) =>
  acceptNda({ tenant: tenant.tenant, user, versionNumber, companyName: "Kunde GmbH", locale: "de", meta, now });

describe("the canonical text and its hash", () => {
  it("ignores line endings, trailing blanks and key order, but not the words", () => {
    expect(canonicalNdaText({ en: "B\r\n", de: " A  \r\nx" })).toBe('{"de":"A\\nx","en":"B"}');
    expect(ndaSha256({ de: "a\r\nb", en: "c" })).toBe(ndaSha256({ en: "c ", de: "a\nb" }));
    expect(ndaSha256({ de: "a", en: "c" })).not.toBe(ndaSha256({ de: "a.", en: "c" }));
    expect(ndaSha256({ de: "a", en: "c" })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("NDA versions", () => {
  it("numbers versions, skips an unchanged text, corrects an unaccepted one in place and refuses to touch an accepted one", async () => {
    const n = await staffTenant("nda-versions");
    expect(await publish(n, V1)).toEqual({ number: 1, created: true });
    expect(await publish(n, { de: V1.de.replace(/\r\n/g, "\n"), en: V1.en })).toEqual({ number: 1, created: false });
    await correctNdaVersion({ tenant: n.tenant, actor: n.owner, text: V2, number: 1, meta });
    let versions = await listNdaVersions(n.tenant.id);
    expect(versions.map((v) => [v.number, v.sha256, v.lockedAt])).toEqual([[1, ndaSha256(V2), null]]);
    expect(versions[0]!.text).toEqual({ de: V2.de, en: V2.en });

    const user = await customer();
    await accept(n, user, 1);
    versions = await listNdaVersions(n.tenant.id);
    expect(versions[0]!.lockedAt).toBeInstanceOf(Date);
    expect(versions[0]!.acceptances).toBe(1);
    await expectAppError(() => correctNdaVersion({ tenant: n.tenant, actor: n.owner, text: V1, number: 1, meta }), "conflict", "locked");
    // The database refuses it even when the app would try (trigger), and refuses deleting it.
    await expect(withTenant(n.tenant.id, (tx) => tx.ndaVersion.updateMany({ where: { tenantId: n.tenant.id, number: 1 }, data: { sha256: "x" } }))).rejects.toThrow(/locked/);
    await expect(withTenant(n.tenant.id, (tx) => tx.ndaVersion.deleteMany({ where: { tenantId: n.tenant.id } }))).rejects.toThrow(/locked/);
    expect((await listNdaVersions(n.tenant.id))[0]!.sha256).toBe(ndaSha256(V2));

    expect(await publish(n, V1)).toEqual({ number: 2, created: true });
    expect((await listNdaVersions(n.tenant.id)).map((v) => [v.number, v.lockedAt === null])).toEqual([[2, true], [1, false]]);
    expect((await auditActions(n.tenant.id)).filter((a) => a.startsWith("nda."))).toEqual(["nda.version.published", "nda.version.updated", "nda.accepted", "nda.version.published"]);
  });
});

describe("acceptance and re-acceptance", () => {
  it("records user, company, IP, user agent, time, version and hash, and audits it", async () => {
    await publish(t, V1);
    const user = await customer();
    const { acceptanceId, version } = await accept(t, user, 1);
    expect(version).toBe(1);
    const row = await withTenant(t.tenant.id, (tx) => tx.ndaAcceptance.findUniqueOrThrow({ where: { id: acceptanceId }, include: { ndaVersion: { select: { number: true } } } }));
    expect(row).toMatchObject({ userId: user.id, companyName: "Kunde GmbH", ip: meta.ip, userAgent: meta.userAgent, locale: "de", ndaSha256: ndaSha256(V1), ndaVersion: { number: 1 } });
    expect(Date.now() - row.acceptedAt.getTime()).toBeLessThan(60_000);
    const event = (await auditEvents(t.tenant.id)).find((e) => e.targetId === acceptanceId);
    expect(event).toMatchObject({ action: "nda.accepted", actorId: user.id, data: { version: 1, sha256: ndaSha256(V1), companyName: "Kunde GmbH" } });
  });

  it("requires acceptance when there is none, a newer version, or 12 months have passed; none when the tenant switched the NDA off", async () => {
    const n = await staffTenant("nda-rules");
    const user = await customer();
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id })).toEqual({ required: false, reason: "noNda" });
    await publish(n, V1);
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id })).toMatchObject({ required: true, reason: "never", version: { number: 1 } });

    const acceptedAt = new Date("2025-12-01T10:00:00Z");
    await accept(n, user, 1, acceptedAt);
    expect(acceptanceExpiresAt(acceptedAt)).toEqual(new Date("2026-12-01T10:00:00Z"));
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id, now: new Date("2026-11-28T12:00:00Z") })).toMatchObject({ required: false, reason: "accepted" });
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id, now: new Date("2026-12-01T10:00:00Z") })).toMatchObject({ required: true, reason: "expired", lastAcceptedAt: acceptedAt });

    await publish(n, V2);
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id, now: new Date("2026-11-28T12:00:00Z") })).toMatchObject({ required: true, reason: "newVersion", version: { number: 2 } });
    // The page still showed version 1: accepting it now is refused, nothing is stored.
    await expectAppError(() => accept(n, user, 1), "conflict", "outdated");
    await accept(n, user, 2);
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: user.id })).toMatchObject({ required: false, reason: "accepted", version: { number: 2 } });
    expect(await withTenant(n.tenant.id, (tx) => tx.ndaAcceptance.count({ where: { userId: user.id } }))).toBe(2);

    await saveAttestationSettings({ tenant: n.tenant, actor: n.owner, settings: { ndaEnabled: false, openRequestLimit: 5, autoApproveDomains: [], reviewReminderHours: 48 }, meta });
    const stranger = await customer();
    expect(await ndaRequirement({ tenantId: n.tenant.id, userId: stranger.id })).toEqual({ required: false, reason: "disabled" });
  });

  it("cannot record an acceptance whose hash does not match the version (trigger)", async () => {
    const user = await customer();
    const version = (await listNdaVersions(t.tenant.id))[0]!;
    const forged = withTenant(t.tenant.id, (tx) => tx.ndaAcceptance.create({ data: { tenantId: t.tenant.id, ndaVersionId: version.id, userId: user.id, companyName: "X", ndaSha256: "0".repeat(64), locale: "de" } }));
    await expect(forged).rejects.toThrow(/nda_acceptance_hash/);
  });
});

describe("row-level security", () => {
  it("shows another tenant none of the tenant's NDA versions or acceptances and lets it accept none of them", async () => {
    const version = (await listNdaVersions(t.tenant.id))[0]!;
    const seen = await withTenant(other.tenant.id, async (tx) => ({
      versions: await tx.ndaVersion.count({ where: { tenantId: t.tenant.id } }),
      acceptances: await tx.ndaAcceptance.count({ where: { tenantId: t.tenant.id } }),
    }));
    expect(seen).toEqual({ versions: 0, acceptances: 0 });
    expect(await listNdaVersions(other.tenant.id)).toEqual([]);
    const user = await customer();
    const crossing = withTenant(other.tenant.id, (tx) => tx.ndaAcceptance.create({ data: { tenantId: t.tenant.id, ndaVersionId: version.id, userId: user.id, companyName: "X", ndaSha256: version.sha256, locale: "de" } }));
    await expect(crossing).rejects.toThrow();
  });
});

describe("attestation settings", () => {
  it("refuses free-mail and malformed domains and out-of-range numbers, at their fields", () => {
    const parse = (fields: Record<string, string>) => {
      const result = attestationSettingsSchema.safeParse({ openRequestLimit: "5", reviewReminderHours: "48", ...fields });
      return result.success ? result.data : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
    };
    expect(parse({ autoApproveDomains: "example.com\nGMail.com" })).toEqual([["autoApproveDomains", "!domainFreeMail:gmail.com"]]);
    expect(parse({ autoApproveDomains: "web.de" })).toEqual([["autoApproveDomains", "!domainFreeMail:web.de"]]);
    expect(parse({ autoApproveDomains: "not a domain/x" })).toEqual([["autoApproveDomains", "!domainInvalid:not"]]);
    expect(parse({ openRequestLimit: "0", reviewReminderHours: "721" })).toEqual([["openRequestLimit", "!range:1-100"], ["reviewReminderHours", "!range:1-720"]]);
    expect(parse({ ndaEnabled: "on", autoApproveDomains: "Example.com, kunde@partner.example.de\nexample.com" })).toEqual({ ndaEnabled: true, openRequestLimit: 5, autoApproveDomains: ["example.com", "partner.example.de"], reviewReminderHours: 48 });
  });

  it("saves the settings with an audit event of what changed, and nothing for an unchanged form", async () => {
    const n = await staffTenant("nda-settings");
    expect(await loadAttestationSettings(n.tenant.id)).toEqual({ ndaEnabled: true, openRequestLimit: 5, autoApproveDomains: [], reviewReminderHours: 48 });
    const settings = { ndaEnabled: true, openRequestLimit: 3, autoApproveDomains: ["partner.example"], reviewReminderHours: 24 };
    expect(await saveAttestationSettings({ tenant: n.tenant, actor: n.owner, settings, meta })).toEqual(["openRequestLimit", "autoApproveDomains", "reviewReminderHours"]);
    expect(await saveAttestationSettings({ tenant: n.tenant, actor: n.owner, settings, meta })).toEqual([]);
    expect(await loadAttestationSettings(n.tenant.id)).toEqual(settings);
    const events = (await auditEvents(n.tenant.id)).filter((e) => e.action === "attestations.settings.updated");
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ changed: ["openRequestLimit", "autoApproveDomains", "reviewReminderHours"], before: { openRequestLimit: 5, autoApproveDomains: [], reviewReminderHours: 48 }, after: { openRequestLimit: 3, autoApproveDomains: ["partner.example"], reviewReminderHours: 24 } });
  });
});
