import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugProblem } from "@/lib/tenants/slug";
import { recordAudit } from "../audit/record";
import { getDb, withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { consume } from "../security/rate-limit";

// A new trust center: the tenant (schema defaults for everything but slug and name), its empty
// measures document, and its first OWNER, all in one transaction with the audit event. Used by the
// self-service page /new and by `npm run tenant:create`.

export const MEASURES_DOCUMENT_KEY = "measures";

export interface CreateTenantInput {
  slug: string;
  name: string;
  owner: { id: string; email: string };
  /** Who did it: the owner themselves (/new) or an operator at the command line. */
  actor: { id: string | null; email: string | null };
  via: "self-service" | "cli";
  meta: RequestMeta | null;
}

export async function createTenant(input: CreateTenantInput): Promise<{ id: string; slug: string }> {
  const problem = slugProblem(input.slug);
  if (problem) throw new AppError("invalid", `slug ${problem}`, { field: "slug", reason: problem === "reserved" ? "slugReserved" : "slugFormat" });
  const db = await getDb();
  if (await db.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw slugTaken();
  // Self-service costs nothing but a sign-in, so it is limited per user (a taken slug costs nothing).
  if (input.via === "self-service") await consume("tenantsPerUser", input.owner.id);
  const id = randomUUID();
  try {
    await withTenant(id, async (tx) => {
      await tx.tenant.create({ data: { id, slug: input.slug, name: input.name }, select: { id: true } });
      await tx.measuresDocument.create({ data: { tenantId: id, key: MEASURES_DOCUMENT_KEY }, select: { id: true } });
      const membership = await tx.membership.create({ data: { tenantId: id, userId: input.owner.id, roles: ["OWNER"] }, select: { id: true } });
      await recordAudit(tx, {
        tenantId: id,
        actor: { ...input.actor, roles: [] },
        action: "tenant.created",
        target: { type: "tenant", id },
        data: { slug: input.slug, name: input.name, via: input.via, owner: { userId: input.owner.id, email: input.owner.email, membershipId: membership.id } },
        meta: input.meta,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw slugTaken();
    }
    throw error;
  }
  return { id, slug: input.slug };
}

const slugTaken = () => new AppError("conflict", "slug taken", { field: "slug", reason: "slugTaken" });
