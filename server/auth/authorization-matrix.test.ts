// The authorization matrix (STYLE.md, issue 3): every page, server action and route handler of the
// signed-in area × every persona × {own tenant, other tenant}, called the way Next calls them, on a
// database where row-level security applies. A cell counts as denied only when the code raised the
// typed AuthorizationError (or, for another tenant's object, AppError "notFound"); an allowed cell
// must pass without either and without logging an unexpected error.

import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Only the request boundary is replaced: cookies()/headers() answer from the cell's request.
vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
// Observes (without changing) every AppError/AuthorizationError raised, even one an action catches.
vi.mock("@/lib/errors", async (importOriginal) => (await import("@/server/testing/error-observer")).observingErrorsModule(await importOriginal()));

import type { StaffRole } from "@/lib/auth/permissions";
import { IDLE } from "@/lib/forms";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { closeDb, getDb, withTenant } from "@/server/db/client";
import { hashToken, newToken } from "@/server/security/tokens";
import { requestFiles, scanSurface, type SurfaceEntry } from "@/server/testing/app-surface";
import { classifyOutcome, describeOutcome, outcomeMatches, type Outcome } from "@/server/testing/cell-outcome";
import { connectTestDatabase } from "@/server/testing/database";
import { observedErrors, resetObservedErrors } from "@/server/testing/error-observer";
import { expectedOutcome, PERSONAS, type Persona, type TenantSide } from "@/server/testing/matrix-expectations";
import { action, can, form, MFA_SESSION, page, PUBLIC, route, SIGNED_IN, SIGNED_REQUEST, type Fixtures, type Row } from "@/server/testing/matrix-rows";
import { beginRequest } from "@/server/testing/request-scope";
import { publishingMatrixFixtures, type PublishingMatrixFixtures } from "@/server/measures/workflow/matrix-fixtures";
import { editorMatrixFixtures, type EditorMatrixFixtures } from "@/server/measures/drafts/matrix-fixtures";
import { attestationMatrixFixtures, type AttestationMatrixFixtures } from "@/server/attestations/matrix-fixtures";
import { letterMatrixFixtures, type LetterMatrixFixtures } from "@/server/attestations/letter-matrix-fixtures";
import { ssoDomainMatrixFixtures, ssoDomainState, type SsoDomainMatrixFixtures } from "@/server/tenants/sso-domain-matrix-fixtures";

connectTestDatabase({ role: "app" });
// next.config.ts enables forbidden() (experimental.authInterrupts); Next passes it to the runtime this way.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const RUN = randomUUID().slice(0, 8);
const OWN = `matrix-own-${RUN}`;
const OTHER = `matrix-other-${RUN}`;

const MEMBERS = "app/[tenant]/admin/members/actions.ts";
const SECURITY = "app/(app)/account/security/actions.ts";
const SIGNIN = "app/(app)/signin/actions.ts";
const MEASURES = "app/[tenant]/admin/measures/actions.ts";
const DRAFT = "app/[tenant]/admin/measures/drafts/[versionId]/actions.ts";
const PUBLISHING = "app/[tenant]/admin/measures/review-actions.ts";
const REQUESTS = "app/(app)/account/attestations/actions.ts";
const REVIEW = "app/[tenant]/admin/attestations/[requestId]/actions.ts";
const CERTIFICATIONS = "app/[tenant]/admin/certifications/actions.ts";
const ATTESTATION_SETTINGS = "app/[tenant]/admin/attestations/settings/actions.ts";
const WEBHOOKS = "app/[tenant]/admin/webhooks/actions.ts";
const ACCOUNT_SUBSCRIPTIONS = "app/(app)/account/subscriptions/actions.ts";
const VALID_CERTIFICATION = { framework: "ISO_27001", certifier: "Matrix Cert GmbH", issuedAt: "2026-01-01", validUntil: "2029-01-01" };

const MATRIX: Row[] = [
  // Console
  page("app/[tenant]/admin/page.tsx", can("console.view")),
  page("app/[tenant]/admin/members/page.tsx", can("members.view")),
  page("app/[tenant]/admin/members/[memberId]/remove/page.tsx", can("members.remove"), (f) => ({ memberId: f.ownMemberId }), (f) => ({ memberId: f.foreignMemberId })),
  action(MEMBERS, "inviteMemberAction", can("members.invite"), () => [IDLE, form()]),
  action(MEMBERS, "changeRolesAction", can("members.changeRoles"), () => [IDLE, form()], (f) => [IDLE, form({ memberId: f.foreignMemberId, roles: ["LEGAL_EDITOR"] })]),
  action(MEMBERS, "removeMemberAction", can("members.remove"), () => [form()], (f) => [form({ memberId: f.foreignMemberId })]),
  action(MEMBERS, "revokeInvitationAction", can("members.invite"), () => [form()], (f) => [form({ invitationId: f.foreignInvitationId })]),
  action(MEMBERS, "resetMemberMfaAction", can("members.resetMfa"), () => [form()], (f) => [form({ memberId: f.foreignMemberId })]),
  page("app/[tenant]/admin/settings/page.tsx", can("settings.view")),
  action("app/[tenant]/admin/settings/actions.ts", "ssoSettingsAction", can("settings.update"), () => [IDLE, form()]),
  action("app/[tenant]/admin/settings/actions.ts", "customDomainAction", can("settings.update"), () => [IDLE, form()]),
  action("app/[tenant]/admin/settings/actions.ts", "addSsoDomainAction", can("settings.update"), () => [IDLE, form()]),
  action("app/[tenant]/admin/settings/actions.ts", "ssoDomainAction", can("settings.update"), () => [IDLE, form()], () => [IDLE, form({ domainId: ssoDomains.foreignDomainId, intent: "remove" })]),
  page("app/[tenant]/admin/audit/page.tsx", can("audit.view")),
  // Measures editor (drafts, sections, translations)
  page("app/[tenant]/admin/measures/page.tsx", can("measures.view")),
  action(MEASURES, "createDraftFromCurrentAction", can("measures.edit"), () => [form()]),
  action(MEASURES, "importMeasuresAction", can("measures.edit"), () => [IDLE, form()]),
  action(MEASURES, "requireAllLocalesAction", can("settings.update"), () => [form()]),
  page("app/[tenant]/admin/measures/import/page.tsx", can("measures.edit")),
  page("app/[tenant]/admin/measures/drafts/[versionId]/page.tsx", can("measures.view"), () => ({ versionId: editor.ownDraftId }), () => ({ versionId: publishing.foreignVersionId })),
  page("app/[tenant]/admin/measures/drafts/[versionId]/redline/page.tsx", can("measures.view"), () => ({ versionId: editor.ownDraftId }), () => ({ versionId: publishing.foreignVersionId })),
  page("app/[tenant]/admin/measures/drafts/[versionId]/sections/[key]/page.tsx", can("measures.view"), () => ({ versionId: editor.ownDraftId, key: editor.sectionKey }), () => ({ versionId: publishing.foreignVersionId, key: "matrix" })),
  action(DRAFT, "saveSectionAction", can("measures.edit"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId, key: "matrix", locale: "de", revision: "0", title: "Matrix", body: "Matrix.", changeKind: "EDITORIAL" })]),
  action(DRAFT, "saveChangeSummaryAction", can("measures.edit"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId, revision: "0", summary_de: "Matrix" })]),
  action(DRAFT, "addSectionAction", can("measures.edit"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId, title: "Matrix", body: "Matrix.", changeKind: "EDITORIAL" })]),
  action(DRAFT, "moveSectionAction", can("measures.edit"), () => [form()], () => [form({ versionId: publishing.foreignVersionId, key: "matrix", direction: "up" })]),
  action(DRAFT, "removeSectionAction", can("measures.edit"), () => [form()], () => [form({ versionId: publishing.foreignVersionId, key: "matrix", revision: "0" })]),
  action(DRAFT, "discardDraftAction", can("measures.edit"), () => [form()], () => [form({ versionId: publishing.foreignVersionId })]),
  // Review and publication
  page("app/[tenant]/admin/measures/review/page.tsx", can("measures.view")),
  action(PUBLISHING, "submitForReviewAction", can("measures.edit"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId })]),
  action(PUBLISHING, "returnDraftAction", can("measures.approve"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId, submission: publishing.foreignSubmission, comment: "Matrix" })]),
  action(PUBLISHING, "approveVersionAction", can("measures.approve"), () => [IDLE, form()], () => [IDLE, form({ versionId: publishing.foreignVersionId, submission: publishing.foreignSubmission, effective: "now" })]),
  // The worker's cache invalidation at a scheduled version's effective date: no session opens it, only a request
  // signed with a key derived from AUTH_SECRET (server/trust-center/revalidate-signature.test.ts covers the signed ones).
  route("app/api/internal/revalidate/route.ts", "POST", SIGNED_REQUEST, () => "/api/internal/revalidate", () => ({})),
  // Subscribers, webhooks
  page("app/[tenant]/admin/subscribers/page.tsx", can("subscribers.view")),
  page("app/[tenant]/admin/webhooks/page.tsx", can("webhooks.manage")),
  action(WEBHOOKS, "createWebhookAction", can("webhooks.manage"), () => [IDLE, form()]),
  action(WEBHOOKS, "deleteWebhookAction", can("webhooks.manage"), () => [IDLE, form()]),
  // A signed-in user's own subscriptions (another user's subscription id is "not found": server/subscriptions/account.test.ts).
  page("app/(app)/account/subscriptions/page.tsx", SIGNED_IN),
  action(ACCOUNT_SUBSCRIPTIONS, "saveSubscriptionTopicsAction", SIGNED_IN, () => [IDLE, form()]),
  action(ACCOUNT_SUBSCRIPTIONS, "unsubscribeOwnAction", SIGNED_IN, () => [IDLE, form()]),
  // The List-Unsubscribe address of subscriber emails: the token is the capability (RFC 8058 one-click POST; GET redirects).
  route("app/api/unsubscribe/[tenant]/[token]/route.ts", "GET", PUBLIC, (slug) => `/api/unsubscribe/${slug}/${"a".repeat(43)}`, (slug) => ({ tenant: slug, token: "a".repeat(43) })),
  route("app/api/unsubscribe/[tenant]/[token]/route.ts", "POST", PUBLIC, (slug) => `/api/unsubscribe/${slug}/${"a".repeat(43)}`, (slug) => ({ tenant: slug, token: "a".repeat(43) })),
  // Certifications and NDA
  page("app/[tenant]/admin/certifications/page.tsx", can("certifications.manage")),
  page("app/[tenant]/admin/certifications/new/page.tsx", can("certifications.manage")),
  page("app/[tenant]/admin/certifications/[certificationId]/page.tsx", can("certifications.manage"), (f) => ({ certificationId: f.ownCertificationId }), (f) => ({ certificationId: f.foreignCertificationId })),
  action(CERTIFICATIONS, "createCertificationAction", can("certifications.manage"), () => [IDLE, form()]),
  action(CERTIFICATIONS, "updateCertificationAction", can("certifications.manage"), () => [IDLE, form()], (f) => [IDLE, form({ certificationId: f.foreignCertificationId, ...VALID_CERTIFICATION })]),
  action(CERTIFICATIONS, "uploadCertificateAction", can("certifications.manage"), () => [IDLE, form()]),
  action(CERTIFICATIONS, "removeCertificateAction", can("certifications.manage"), () => [form()], (f) => [form({ certificationId: f.foreignCertificationId })]),
  // Staff with certifications.manage (attestations.review is a subset of its roles) download; a customer only with an
  // issued letter covering it (none of the personas has one: server/certifications/certifications.test.ts covers that).
  route("app/[tenant]/admin/certifications/[certificationId]/certificate/route.ts", "GET", can("certifications.manage"), (slug) => `/${slug}/admin/certifications/certificate`, (slug) => ({ tenant: slug, certificationId: fixtures.ownCertificationId })),
  page("app/[tenant]/admin/attestations/settings/page.tsx", can("attestations.settings")),
  action(ATTESTATION_SETTINGS, "saveNdaAction", can("attestations.settings"), () => [IDLE, form()]),
  action(ATTESTATION_SETTINGS, "saveAttestationSettingsAction", can("attestations.settings"), () => [IDLE, form()]),
  // The NDA click-through: any signed-in user, for the tenant in the route (bound by the page).
  action("app/[tenant]/attestations/nda/actions.ts", "acceptNdaAction", SIGNED_IN, () => [OWN, IDLE, form()]),
  // Attestation requests and the reviewer queue
  // A customer's request form: any signed-in user, for the tenant in the route (the other tenant is no different).
  page("app/[tenant]/attestations/new/page.tsx", SIGNED_IN, () => ({ tenant: OWN })),
  page("app/[tenant]/attestations/nda/page.tsx", SIGNED_IN, () => ({ tenant: OWN })),
  action("app/[tenant]/attestations/new/actions.ts", "createAttestationRequestAction", SIGNED_IN, () => [OWN, IDLE, form()]),
  // Their own requests on /account; another user's request id is "not found" (server/attestations/requests.test.ts).
  page("app/(app)/account/attestations/page.tsx", SIGNED_IN),
  action(REQUESTS, "withdrawAttestationRequestAction", SIGNED_IN, () => [IDLE, form()]),
  action(REQUESTS, "answerAttestationRequestAction", SIGNED_IN, () => [IDLE, form()]),
  page("app/[tenant]/admin/attestations/page.tsx", can("attestations.review")),
  page("app/[tenant]/admin/attestations/[requestId]/page.tsx", can("attestations.review"), () => ({ requestId: attestation.ownRequestId }), () => ({ requestId: attestation.foreignRequestId })),
  ...(["startReviewAction", "requestInformationAction", "approveAction", "rejectAction", "revokeAction"] as const).map((name) =>
    action(REVIEW, name, can("attestations.review"), () => [IDLE, form()], () => [IDLE, form({ requestId: attestation.foreignRequestId, revision: "0", message: "Matrix" })]),
  ),
  // Attestation letters and verification
  // The requester downloads from /account; for anyone else the letter is simply absent (404, no denial: signing in is all
  // the guard asks, the letter must then be theirs; server/attestations/letter.test.ts covers who gets the file).
  route("app/(app)/account/attestations/[requestId]/letter/route.ts", "GET", SIGNED_IN, () => `/account/attestations/${letters.requestId}/letter`, () => ({ requestId: letters.requestId })),
  route("app/[tenant]/admin/attestations/[requestId]/letter/route.ts", "GET", can("attestations.letters"), (slug) => `/${slug}/admin/attestations/${letters.requestId}/letter`, (slug) => ({ tenant: slug, requestId: letters.requestId })),
  // /verify is public by design: the code is the capability, and nothing personal is shown.
  page("app/(app)/verify/page.tsx", PUBLIC),
  page("app/(app)/verify/[code]/page.tsx", PUBLIC, () => ({ code: letters.code })),
  route("app/(app)/verify/[code]/json/route.ts", "GET", PUBLIC, () => `/verify/${letters.code}/json`, () => ({ code: letters.code })),
  route("app/(app)/verify/[code]/check/route.ts", "POST", PUBLIC, () => `/verify/${letters.code}/check`, () => ({ code: letters.code })),
  route("app/[tenant]/admin/audit/export/route.ts", "POST", can("audit.export"), (slug) => `/${slug}/admin/audit/export`, (slug) => ({ tenant: slug })),
  // Account: any signed-in user, customers included; staff without MFA reach it to enrol.
  page("app/(app)/account/page.tsx", SIGNED_IN),
  page("app/(app)/account/security/page.tsx", SIGNED_IN),
  action(SECURITY, "setPasswordAction", SIGNED_IN, () => [IDLE, form()]),
  action(SECURITY, "confirmMfaAction", SIGNED_IN, () => [IDLE, form()]),
  action(SECURITY, "regenerateRecoveryCodesAction", MFA_SESSION, () => []),
  // Self-service: any signed-in user creates a trust center (its console then asks an owner for MFA).
  page("app/(app)/new/page.tsx", SIGNED_IN),
  action("app/(app)/new/actions.ts", "createTenantAction", SIGNED_IN, () => [IDLE, form()]),
  // An invitation link: the token is the capability, so its page is public (signed out, it asks to sign in);
  // accepting needs a signed-in user (whose address must be the invited one: a rule, not the guard).
  page("app/(app)/invitations/[token]/page.tsx", PUBLIC, (f) => ({ token: f.invitationToken })),
  action("app/(app)/invitations/[token]/actions.ts", "acceptInvitationAction", SIGNED_IN, (f) => [f.invitationToken]),
  // Sign-in: public by nature.
  page("app/(app)/signin/page.tsx", PUBLIC),
  page("app/(app)/signin/staff/page.tsx", PUBLIC),
  page("app/(app)/signin/mfa/page.tsx", PUBLIC),
  page("app/(app)/signin/link/page.tsx", PUBLIC),
  page("app/(app)/signin/check-email/page.tsx", PUBLIC),
  action(SIGNIN, "requestMagicLinkAction", PUBLIC, () => [IDLE, form()]),
  action(SIGNIN, "redeemMagicLinkAction", PUBLIC, () => [form()]),
  action(SIGNIN, "staffSignInAction", PUBLIC, () => [IDLE, form()]),
  action(SIGNIN, "verifyMfaAction", PUBLIC, () => [IDLE, form()]),
  action(SIGNIN, "signOutAction", PUBLIC, () => []),
  // The SSO button's form POST (no JavaScript needed) and the page it leads to, which moves on to the provider.
  route("app/(app)/signin/sso/route.ts", "POST", PUBLIC, () => "/signin/sso", () => ({})),
  route("app/(app)/signin/sso/route.ts", "GET", PUBLIC, () => "/signin/sso", () => ({})),
  // The local mailbox (development and demo only; 404 in production): public like the mails it stands in for.
  page("app/(app)/mailbox/page.tsx", PUBLIC),
  // Auth.js answers only an identity provider's callback; anyone's browser is sent there.
  route("app/api/auth/[...nextauth]/route.ts", "GET", PUBLIC, (slug) => `/api/auth/callback/oidc-${slug}`, (slug) => ({ nextauth: ["callback", `oidc-${slug}`] })),
];

/** Public trust-center pages and feeds: outside the signed-in area, listed so a new one is a decision. */
const PUBLIC_SITE = [
  "page app/[tenant]/[lang]/[...rest]/page.tsx",
  "page app/[tenant]/[lang]/certifications/page.tsx",
  "route app/[tenant]/[lang]/feed.xml/route.ts#GET",
  "page app/[tenant]/[lang]/measures/compare/[from]/[to]/page.tsx",
  "page app/[tenant]/[lang]/measures/page.tsx",
  "page app/[tenant]/[lang]/measures/v/[n]/page.tsx",
  "page app/[tenant]/[lang]/measures/versions/page.tsx",
  "page app/[tenant]/[lang]/page.tsx",
  "action app/[tenant]/[lang]/subscribe/actions.ts#subscribeAction",
  "action app/[tenant]/[lang]/subscribe/actions.ts#confirmSubscriptionAction",
  "page app/[tenant]/[lang]/subscribe/confirm/[token]/page.tsx",
  "page app/[tenant]/[lang]/subscribe/page.tsx",
  "action app/[tenant]/[lang]/unsubscribe/[token]/actions.ts#unsubscribeAction",
  "page app/[tenant]/[lang]/unsubscribe/[token]/page.tsx",
  "page app/site/[lang]/[...rest]/page.tsx",
  "page app/site/[lang]/about/page.tsx",
  "page app/site/[lang]/page.tsx",
];
const isPublicSite = (file: string) => file.startsWith("app/[tenant]/[lang]/") || file.startsWith("app/site/");

/** Exact number of cells the table implies; also written out as a literal below, so it cannot shrink unnoticed. */
const CELLS_FROM_TABLE = MATRIX.reduce((sum, row) => sum + PERSONAS.length * ((row.tenantScoped ? 2 : 1) + (row.foreign ? 1 : 0)), 0);
const EXPECTED_CELLS = 1620;

const surface: SurfaceEntry[] = await scanSurface(requestFiles());

const tokens = new Map<string, () => Promise<string | null>>();
let fixtures: Fixtures;
const tally = { cells: 0, allowed: 0, denied: 0 };

/** A user as the app writes one; staff get a membership of `tenantId`, a customer a customer record. */
async function createUser(tenantId: string, email: string, as: { roles: StaffRole[]; totp: boolean } | "customer"): Promise<string> {
  return withTenant(tenantId, async (tx) => {
    const totpEnabledAt = as !== "customer" && as.totp ? new Date() : null;
    const user = await tx.user.create({ data: { email, emailVerified: new Date(), totpEnabledAt }, select: { id: true } });
    if (as === "customer") await tx.customer.create({ data: { tenantId, userId: user.id, companyName: "Matrix Kunde GmbH" } });
    else await tx.membership.create({ data: { tenantId, userId: user.id, roles: as.roles } });
    return user.id;
  });
}

// Own tenants and users (not the demo seed): other test files of the run share the database and
// may change the demo accounts.
beforeAll(async () => {
  const db = await getDb();
  const [own, other] = await Promise.all([OWN, OTHER].map(async (slug) => (await db.tenant.create({ data: { slug, name: `${slug} GmbH` }, select: { id: true } })).id));
  if (!own || !other) throw new Error("tenants not created");
  const users = new Map<string, string>();
  for (const persona of PERSONAS) {
    if (!persona.signedIn) continue;
    const email = `${persona.name.toLowerCase().replace(/[^a-z]+/g, "-")}@${OWN}.example`;
    users.set(persona.name, await createUser(own, email, persona.roles.length > 0 ? { roles: persona.roles, totp: persona.totpEnabled } : "customer"));
  }
  for (const persona of PERSONAS) {
    const id = users.get(persona.name);
    // A fresh session per cell: sign-out and password changes end sessions, which must not leak into the next cell.
    tokens.set(persona.name, async () => {
      if (!id) return null;
      const staff = persona.roles.length > 0;
      const session = await db.$transaction((tx) => createSession(tx, { userId: id, method: staff ? "PASSWORD" : "MAGIC_LINK", mfa: persona.mfa, kind: staff ? "staff" : "customer", ip: null, userAgent: null }));
      return session.token;
    });
  }
  await createUser(other, `owner@${OTHER}.example`, { roles: ["OWNER"], totp: true });
  const foreignMemberId = await withTenant(other, async (tx) => (await tx.membership.findFirstOrThrow({ where: { tenantId: other }, select: { id: true } })).id);
  const editor = users.get("LEGAL_EDITOR");
  const ownMemberId = await withTenant(own, async (tx) => (await tx.membership.findFirstOrThrow({ where: { tenantId: own, userId: editor }, select: { id: true } })).id);
  const invite = (tenantId: string, email: string, token: string) =>
    withTenant(tenantId, (tx) => tx.invitation.create({ data: { tenantId, email, roles: ["LEGAL_EDITOR"], tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } }));
  const foreignInvitationId = (await invite(other, `invited@${OTHER}.example`, newToken())).id;
  const invitationToken = newToken();
  await invite(own, `invitee@${OWN}.example`, invitationToken);
  const certification = (tenantId: string) =>
    withTenant(tenantId, async (tx) => {
      const { id } = await tx.certification.create({ data: { tenantId, framework: "ISO_27001", certifier: "Matrix Cert GmbH", issuedAt: new Date("2026-01-01"), validUntil: new Date("2029-01-01") }, select: { id: true } });
      const pdf = await PDFDocument.create();
      pdf.addPage();
      const data = Buffer.from(await pdf.save());
      await tx.certificateFile.create({ data: { tenantId, certificationId: id, filename: "matrix.pdf", size: data.byteLength, sha256: "-", data } });
      return id;
    });
  const [ownCertificationId, foreignCertificationId] = [await certification(own), await certification(other)];
  fixtures = { ownMemberId, foreignMemberId, foreignInvitationId, invitationToken, ownCertificationId, foreignCertificationId };
});

// Attestation requests the rows above address (looked up by slug once the tenants exist).
let attestation: AttestationMatrixFixtures;
beforeAll(async () => {
  attestation = await attestationMatrixFixtures(OWN, OTHER);
});

// The other tenant's version in review, which the review actions must answer as "not found".
let publishing: PublishingMatrixFixtures;
beforeAll(async () => {
  publishing = await publishingMatrixFixtures(OTHER);
});

// A draft of the own tenant for the editor's pages (another tenant's version: the publishing fixture's).
let editor: EditorMatrixFixtures;
beforeAll(async () => {
  editor = await editorMatrixFixtures(OWN);
});

// An issued letter of the own tenant (staff download, /verify).
let letters: LetterMatrixFixtures;
beforeAll(async () => {
  letters = await letterMatrixFixtures(OWN);
});

// A verified SSO domain of the other tenant, which its verify and remove buttons must answer as "not found".
let ssoDomains: SsoDomainMatrixFixtures;
beforeAll(async () => {
  ssoDomains = await ssoDomainMatrixFixtures(OTHER);
});

afterAll(closeDb);

async function runCell(persona: Persona, invoke: () => Promise<unknown>): Promise<Outcome> {
  const token = await tokens.get(persona.name)!();
  beginRequest({ cookies: token ? { [sessionCookieName()]: token } : {} });
  resetObservedErrors();
  const logged: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  try {
    const returned = await invoke();
    return classifyOutcome({ returned, didThrow: false, errors: observedErrors(), logged });
  } catch (thrown) {
    return classifyOutcome({ thrown, didThrow: true, errors: observedErrors(), logged });
  } finally {
    spy.mockRestore();
  }
}

function cellTest(row: Row, persona: Persona, side: TenantSide, foreignObject: boolean) {
  const expected = expectedOutcome(row.access, persona, side, foreignObject);
  const where = side === null ? "" : foreignObject ? " in own tenant with the other tenant's object" : ` in ${side} tenant`;
  it(`${persona.name}${where} → ${expected}`, async () => {
    tally.cells += 1;
    const slug = side === "other" ? OTHER : OWN;
    const invoke = foreignObject ? row.foreign! : row.invoke;
    const outcome = await runCell(persona, () => invoke(slug, fixtures));
    // MATRIX_REPORT=1 prints every cell's answer, for reviewing what "denied" looked like.
    if (process.env.MATRIX_REPORT) console.log(`${row.id} | ${persona.name}${where} | ${describeOutcome(outcome)}`);
    if (!outcomeMatches(outcome, expected)) expect.fail(`${row.id} as ${persona.name}${where}: expected ${expected}, got ${describeOutcome(outcome)}`);
    if (outcome.verdict === "allowed") tally.allowed += 1;
    else tally.denied += 1;
  });
}

describe("the surface under test", () => {
  it("has a matrix row for every page, action and route of the signed-in area, and no stale row", () => {
    const inScope = surface.filter((entry) => !isPublicSite(entry.file)).map((entry) => entry.id);
    const rows = MATRIX.map((row) => row.id);
    expect(rows.filter((id) => !inScope.includes(id)), "rows for entries that do not exist").toEqual([]);
    expect(inScope.filter((id) => !rows.includes(id)), "entries without a row in MATRIX").toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("lists the public trust-center entries explicitly", () => {
    expect(surface.filter((entry) => isPublicSite(entry.file)).map((entry) => entry.id)).toEqual(PUBLIC_SITE);
  });
});

describe.each(MATRIX)("$id", (row) => {
  for (const persona of PERSONAS) {
    if (!row.tenantScoped) cellTest(row, persona, null, false);
    else {
      cellTest(row, persona, "own", false);
      cellTest(row, persona, "other", false);
      if (row.foreign) cellTest(row, persona, "own", true);
    }
  }
});

describe("the matrix as a whole", () => {
  it("ran every cell", () => {
    console.log(`authorization matrix: ${tally.cells} cells (allowed ${tally.allowed}, denied ${tally.denied}) over ${MATRIX.length} entries × ${PERSONAS.length} personas`);
    expect(tally.cells).toBe(CELLS_FROM_TABLE);
    expect(tally.cells).toBe(EXPECTED_CELLS);
    expect(tally.allowed + tally.denied).toBe(tally.cells);
  });

  it("left the other tenant's objects untouched", async () => {
    const db = await getDb();
    const other = (await db.tenant.findUniqueOrThrow({ where: { slug: OTHER } })).id;
    const state = await withTenant(other, async (tx) => ({
      member: await tx.membership
        .findUnique({ where: { id: fixtures.foreignMemberId }, select: { roles: true, user: { select: { totpEnabledAt: true } } } })
        .then((m) => m && { roles: m.roles, user: { totpEnabled: m.user.totpEnabledAt !== null } }),
      invitation: await tx.invitation.findUnique({ where: { id: fixtures.foreignInvitationId }, select: { revokedAt: true } }),
    }));
    // Not removed, roles unchanged, MFA not reset, invitation not revoked.
    expect(state).toEqual({ member: { roles: ["OWNER"], user: { totpEnabled: true } }, invitation: { revokedAt: null } });
    // The SSO domain neither removed nor checked again.
    expect(await ssoDomainState(OTHER, ssoDomains.foreignDomainId)).toEqual({ status: "VERIFIED", lastCheckedAt: null });
  });
});
