import "server-only";
import { randomBytes } from "node:crypto";
import { hasPermission } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { Prisma, type SsoDomainCheckFailure, type SsoDomainStatus } from "@/lib/generated/prisma/client";
import { challengeRecordName, challengeRecordValue } from "@/lib/sso/domain-challenge";
import { MAX_EMAIL_DOMAINS, ssoDomainSchema, type SsoDomainInput } from "@/lib/validation/sso";
import { recordAudit } from "../audit/record";
import type { TenantAccess } from "../auth/guard";
import { forgetTenantSso } from "../auth/oidc-providers";
import { withTenant, type Tx } from "../db/client";
import type { RequestMeta } from "../request-context";
import { checkDomainChallenge, type ChallengeCheck } from "./sso-domain-dns";

// The email domains of a tenant's customer single sign-on. A domain admits sign-ins only once the
// tenant has proved it controls the domain's DNS: it publishes a TXT record with a token generated
// for this tenant and this domain, and "Verify now" looks it up. Without that proof any tenant admin
// could list someone else's domain, run an identity provider that vouches for its addresses, and
// sign in as that domain's existing customers of other trust centers (the provider links accounts
// by email). A domain is verified by one tenant at most (unique verified_domain).

const PERMISSION = "settings.update";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SsoDomainView {
  id: string;
  domain: string;
  status: SsoDomainStatus;
  /** The TXT record the tenant publishes. */
  recordName: string;
  recordValue: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  lastFailure: SsoDomainCheckFailure | null;
}

const VIEW = { id: true, domain: true, status: true, verificationToken: true, verifiedAt: true, lastCheckedAt: true, lastFailure: true } as const;
type Row = Prisma.SsoDomainGetPayload<{ select: typeof VIEW }>;

function view(row: Row): SsoDomainView {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status,
    recordName: challengeRecordName(row.domain),
    recordValue: challengeRecordValue(row.verificationToken),
    verifiedAt: row.verifiedAt,
    lastCheckedAt: row.lastCheckedAt,
    lastFailure: row.lastFailure,
  };
}

export async function listSsoDomains(tenantId: string): Promise<SsoDomainView[]> {
  const rows = await withTenant(tenantId, (tx) => tx.ssoDomain.findMany({ where: { tenantId }, orderBy: [{ domain: "asc" }], select: VIEW }));
  return rows.map(view);
}

/** 128 random bits as lower-case hex: survives DNS consoles that change case. */
export function newVerificationToken(): string {
  return randomBytes(16).toString("hex");
}

export type AddSsoDomainResult = { ok: true; domain: SsoDomainView } | { ok: false; fieldErrors: { domain: string[] } };

/** Lists a domain, unverified, with a fresh token; field errors are message keys like the schema's. */
export async function addSsoDomain(access: TenantAccess, input: SsoDomainInput, meta: RequestMeta | null): Promise<AddSsoDomainResult> {
  assertPermission(access);
  const refuse = (key: string): AddSsoDomainResult => ({ ok: false, fieldErrors: { domain: [key] } });
  // Checked again here, not only by the form's schema: any other caller gets the same rules.
  const parsed = ssoDomainSchema.safeParse(input);
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? "sso.domain");
  const domain = parsed.data.domain;
  try {
    return await withTenant(access.tenant.id, async (tx): Promise<AddSsoDomainResult> => {
      const listed = await tx.ssoDomain.findMany({ where: { tenantId: access.tenant.id }, select: { domain: true } });
      if (listed.some((row) => row.domain === domain)) return refuse("sso.domainListed");
      if (listed.length >= MAX_EMAIL_DOMAINS) return refuse("sso.domainsTooMany");
      if (await verifiedElsewhere(tx, domain)) return refuse("sso.domainTaken");
      const row = await tx.ssoDomain.create({ data: { tenantId: access.tenant.id, domain, verificationToken: newVerificationToken() }, select: VIEW });
      await recordAudit(tx, auditEntry(access, meta, "settings.sso_domain_added", row.id, { domain: row.domain }));
      return { ok: true, domain: view(row) };
    });
  } catch (error) {
    // The same domain added twice at once: the second one finds it listed.
    if (isUniqueViolation(error)) return refuse("sso.domainListed");
    throw error;
  }
}

export type VerifySsoDomainResult =
  | { outcome: "verified"; domain: string }
  | { outcome: "alreadyVerified"; domain: string }
  /** DOMAIN_TAKEN: another tenant has it verified (which one is not said). */
  | { outcome: "failed"; domain: string; failure: SsoDomainCheckFailure };

type OwnRow = Awaited<ReturnType<typeof findOwn>>;

/**
 * "Verify now": one TXT lookup; the outcome is stored on the domain (status, last check, last
 * failure) and audited either way. Another tenant's domain id is "not found".
 */
export async function verifySsoDomain(
  access: TenantAccess,
  domainId: string,
  meta: RequestMeta | null,
  { check = checkDomainChallenge, now = () => new Date() }: { check?: (domain: string, token: string) => Promise<ChallengeCheck>; now?: () => Date } = {},
): Promise<VerifySsoDomainResult> {
  assertPermission(access);
  const row = await findOwn(access, domainId);
  if (row.status === "VERIFIED") return { outcome: "alreadyVerified", domain: row.domain };
  const taken = await withTenant(access.tenant.id, (tx) => verifiedElsewhere(tx, row.domain));
  // The DNS lookup runs outside any transaction: it may take seconds.
  const checked: ChallengeCheck = taken ? { ok: false, failure: "DOMAIN_TAKEN" } : await check(row.domain, row.verificationToken);
  const checkedAt = now();
  const failure = checked.ok ? await markVerified(access, row, checkedAt, meta) : checked.failure;
  if (failure === null) return { outcome: "verified", domain: row.domain };
  await withTenant(access.tenant.id, async (tx) => {
    await tx.ssoDomain.updateMany({ where: { id: row.id, tenantId: access.tenant.id, status: "UNVERIFIED" }, data: { lastCheckedAt: checkedAt, lastFailure: failure } });
    await recordAudit(tx, auditEntry(access, meta, "settings.sso_domain_verification_failed", row.id, { domain: row.domain, reason: failure }));
  });
  return { outcome: "failed", domain: row.domain, failure };
}

/** Stores a passed check; DOMAIN_TAKEN when another tenant verified the domain since the check began. */
async function markVerified(access: TenantAccess, row: OwnRow, checkedAt: Date, meta: RequestMeta | null): Promise<null | "DOMAIN_TAKEN"> {
  let updated: number;
  try {
    updated = await withTenant(access.tenant.id, async (tx) => {
      // Only the row that was checked: still unverified, with the same token (not removed and added anew).
      const { count } = await tx.ssoDomain.updateMany({
        where: { id: row.id, tenantId: access.tenant.id, status: "UNVERIFIED", verificationToken: row.verificationToken },
        data: { status: "VERIFIED", verifiedDomain: row.domain, verifiedAt: checkedAt, lastCheckedAt: checkedAt, lastFailure: null },
      });
      if (count === 1) await recordAudit(tx, auditEntry(access, meta, "settings.sso_domain_verified", row.id, { domain: row.domain }));
      return count;
    });
  } catch (error) {
    // verified_domain is unique across tenants.
    if (isUniqueViolation(error)) return "DOMAIN_TAKEN";
    throw error;
  }
  if (updated === 0) throw new AppError("notFound", "the SSO domain changed while it was checked");
  forgetTenantSso(access.tenant.slug);
  return null;
}

/** Removes a domain (verified or not): its addresses can no longer sign in through the provider. */
export async function removeSsoDomain(access: TenantAccess, domainId: string, meta: RequestMeta | null): Promise<{ domain: string }> {
  assertPermission(access);
  const row = await findOwn(access, domainId);
  await withTenant(access.tenant.id, async (tx) => {
    const { count } = await tx.ssoDomain.deleteMany({ where: { id: row.id, tenantId: access.tenant.id } });
    if (count === 0) throw new AppError("notFound", "SSO domain already removed");
    await recordAudit(tx, auditEntry(access, meta, "settings.sso_domain_removed", row.id, { domain: row.domain, wasVerified: row.status === "VERIFIED" }));
  });
  forgetTenantSso(access.tenant.slug);
  return { domain: row.domain };
}

/** The tenant's own domain by id; anything else (another tenant's, malformed, gone) is "not found". */
async function findOwn(access: TenantAccess, domainId: string) {
  if (!UUID.test(domainId)) throw new AppError("notFound", "no such SSO domain");
  const row = await withTenant(access.tenant.id, (tx) =>
    tx.ssoDomain.findFirst({ where: { id: domainId, tenantId: access.tenant.id }, select: { id: true, domain: true, status: true, verificationToken: true } }),
  );
  if (!row) throw new AppError("notFound", "no such SSO domain");
  return row;
}

/** Whether another tenant has the domain verified (sso_domain_verified_elsewhere, migration sso_domains_rls). */
async function verifiedElsewhere(tx: Tx, domain: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ taken: boolean }>>`SELECT sso_domain_verified_elsewhere(${domain}) AS taken`;
  return row?.taken === true;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function auditEntry(access: TenantAccess, meta: RequestMeta | null, action: string, id: string, data: Prisma.InputJsonObject) {
  return {
    tenantId: access.tenant.id,
    actor: { id: access.session.user.id, email: access.session.user.email, roles: access.roles },
    action,
    target: { type: "sso_domain", id },
    data,
    meta,
  };
}

/** The action has run the guard; this keeps the rule true for any other caller too. */
function assertPermission(access: TenantAccess) {
  if (!hasPermission(access.roles, PERMISSION)) throw new AuthorizationError("forbidden", `missing permission ${PERMISSION}`);
}
