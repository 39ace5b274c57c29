import "server-only";
import { AWAITING_REVIEW_STATES, OPEN_STATES, type AttestationStateName } from "@/lib/attestations/transitions";
import type { CertificationFramework } from "@/lib/trust-center/types";
import { withTenant, withUser, type Tx } from "../db/client";
import { ndaRequirementIn } from "../nda/acceptance";

// Read models of the workflow: the request form, the reviewer queue and detail, the customer's list.

export interface CertificationRef {
  id: string;
  framework: CertificationFramework;
  label: string | null;
  certifier: string;
  validUntil: Date;
}

export interface TimelineEntry {
  id: string;
  fromState: AttestationStateName | null;
  toState: AttestationStateName;
  actorId: string | null;
  actorName: string | null;
  message: string | null;
  automatic: boolean;
  createdAt: Date;
}

export interface LetterRef {
  id: string;
  code: string;
  issuedAt: Date;
  validUntil: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const certificationSelect = { id: true, framework: true, label: true, certifier: true, validUntil: true } as const;
const letterSelect = { id: true, code: true, issuedAt: true, validUntil: true, revokedAt: true, revokedReason: true } as const;
const eventSelect = { id: true, fromState: true, toState: true, actorId: true, actorName: true, message: true, automatic: true, createdAt: true } as const;

/** What the request form needs: the certifications one may ask about, the last company, the NDA and the limit. */
export async function requestFormData(tenantId: string, userId: string, now = new Date()) {
  return withTenant(tenantId, async (tx) => {
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    // One after another: a transaction is one connection.
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { openRequestLimit: true, defaultLocale: true } });
    const certifications = await tx.certification.findMany({ where: { tenantId, withdrawn: false, suspended: false, validUntil: { gte: today } }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: certificationSelect });
    const customer = await tx.customer.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { companyName: true } });
    const open = await tx.attestationRequest.count({ where: { tenantId, userId, state: { in: [...OPEN_STATES] } } });
    const ndaRequired = (await ndaRequirementIn(tx, tenantId, userId, now)).required;
    return { certifications: certifications as CertificationRef[], companyName: customer?.companyName ?? "", ndaRequired, open, limit: tenant.openRequestLimit, defaultLocale: tenant.defaultLocale };
  });
}

export type AgeFilter = "all" | "day" | "week" | "older";

export interface QueueFilter {
  /** "open" = everything that still waits for someone. */
  state: AttestationStateName | "open" | "all";
  age: AgeFilter;
  certificationId: string | null;
}

export async function listQueue(tenantId: string, filter: QueueFilter, now = new Date()) {
  const states = filter.state === "open" ? [...OPEN_STATES] : filter.state === "all" ? undefined : [filter.state];
  const hour = 60 * 60_000;
  const createdAt =
    filter.age === "day" ? { gte: new Date(now.getTime() - 24 * hour) } : filter.age === "week" ? { gte: new Date(now.getTime() - 7 * 24 * hour) } : filter.age === "older" ? { lt: new Date(now.getTime() - 7 * 24 * hour) } : undefined;
  return withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { reviewReminderHours: true, timeZone: true } });
    const certifications = await tx.certification.findMany({ where: { tenantId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: certificationSelect });
    const requests = await tx.attestationRequest.findMany({
        where: {
          tenantId,
          ...(states ? { state: { in: states } } : {}),
          ...(createdAt ? { createdAt } : {}),
          ...(filter.certificationId && UUID.test(filter.certificationId) ? { certifications: { some: { certificationId: filter.certificationId } } } : {}),
        },
        orderBy: { createdAt: "asc" },
        take: 200,
        select: {
          id: true,
          state: true,
          companyName: true,
          requesterEmail: true,
          requesterName: true,
          automatic: true,
          createdAt: true,
          updatedAt: true,
          certifications: { select: { certification: { select: certificationSelect } } },
        },
      });
    return {
      reminderHours: tenant.reviewReminderHours,
      timeZone: tenant.timeZone,
      certifications: certifications as CertificationRef[],
      requests: requests.map((r) => ({ ...r, certifications: r.certifications.map((c) => c.certification as CertificationRef) })),
    };
  });
}

async function loadRequest(tx: Tx, where: { id: string; tenantId?: string; userId?: string }) {
  return tx.attestationRequest.findFirst({
    where,
    select: {
      id: true,
      tenantId: true,
      userId: true,
      state: true,
      revision: true,
      companyName: true,
      requesterEmail: true,
      requesterName: true,
      purpose: true,
      contractReference: true,
      locale: true,
      automatic: true,
      decisionReason: true,
      createdAt: true,
      updatedAt: true,
      tenant: { select: { slug: true, name: true, timeZone: true, reviewReminderHours: true } },
      certifications: { select: { certification: { select: certificationSelect } } },
      events: { orderBy: { createdAt: "asc" }, select: eventSelect },
      letter: { select: letterSelect },
    },
  });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

function view(request: Loaded) {
  return { ...request, certifications: request.certifications.map((c) => c.certification as CertificationRef), events: request.events as TimelineEntry[], letter: request.letter as LetterRef | null };
}

export type RequestView = ReturnType<typeof view>;

/** The reviewer's detail: the request, its timeline, the NDA record and the customer's other requests. */
export async function reviewerRequestDetail(tenantId: string, requestId: string) {
  if (!UUID.test(requestId)) return null;
  return withTenant(tenantId, async (tx) => {
    const request = await loadRequest(tx, { id: requestId, tenantId });
    if (!request) return null;
    const full = await tx.attestationRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { ndaAcceptance: { select: { acceptedAt: true, companyName: true, ndaSha256: true, locale: true, ip: true, userAgent: true, ndaVersion: { select: { number: true } } } } },
    });
    const history = await tx.attestationRequest.findMany({
      where: { tenantId, userId: request.userId, id: { not: requestId } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, state: true, companyName: true, createdAt: true, automatic: true },
    });
    return { request: view(request), nda: full.ndaAcceptance, history };
  });
}

/**
 * The signed-in user's own requests in every tenant, newest first, with their timelines. Found
 * through the user's own rows; the details (certifications are tenant data) are then read in each
 * tenant's context, still filtered to this user.
 */
export async function customerRequests(userId: string) {
  const own = await withUser(userId, (tx) => tx.attestationRequest.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100, select: { id: true, tenantId: true } }));
  const tenants = [...new Set(own.map((r) => r.tenantId))];
  const loaded = (
    await Promise.all(
      tenants.map((tenantId) =>
        withTenant(tenantId, async (tx) => {
          const ids = own.filter((r) => r.tenantId === tenantId).map((r) => r.id);
          const rows: Loaded[] = [];
          for (const id of ids) {
            const row = await loadRequest(tx, { id, tenantId, userId });
            if (row) rows.push(row);
          }
          return rows;
        }),
      ),
    )
  ).flat();
  return loaded.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(view);
}

export { AWAITING_REVIEW_STATES };

/** How many attestation requests the user has made (the account overview's line). */
export async function customerRequestCount(userId: string): Promise<number> {
  return withUser(userId, (tx) => tx.attestationRequest.count({ where: { userId } }));
}
