import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { sessionExpiry } from "@/lib/auth/session-policy";
import type { Locale } from "@/lib/i18n/locales";
import { emailDomain } from "@/lib/validation/sso";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { RequestMeta } from "../request-context";
import { hashToken } from "../security/tokens";
import { sessionKindFor } from "./session";

// Auth.js's Prisma adapter, made to write sessions the way server/auth/session.ts reads them:
// the row stores SHA-256 of the cookie value (a leaked table yields no usable sessions), expiry
// follows lib/auth/session-policy, and the sign-in is audited in the same transaction that creates
// the session. Users, accounts and sessions have no row-level security, so this works as app_user;
// the customer record is written in the tenant's context (RLS).

export interface SsoSignInContext {
  tenant: { id: string; slug: string };
  meta: RequestMeta | null;
  /** The language of the sign-in request: the new user's preferred language. */
  locale: Locale;
}

export function vouchsafeAdapter(db: Db, context: SsoSignInContext): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,

    async createUser(user) {
      // The provider vouched for the address (email_verified is required before we get here).
      const created = await db.user.create({
        data: { email: user.email.trim().toLowerCase(), name: user.name ?? null, emailVerified: new Date(), locale: context.locale },
      });
      return toAdapterUser(created);
    },

    async linkAccount(account: AdapterAccount) {
      // Only the link is kept: Vouchsafe never calls the provider on the user's behalf, so its
      // access, refresh and ID tokens would be secrets at rest with no use.
      await db.account.create({
        data: { userId: account.userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
      });
    },

    async createSession({ sessionToken, userId }): Promise<AdapterSession> {
      return db.$transaction(async (tx) => {
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
        const kind = await sessionKindFor(tx, userId);
        const now = new Date();
        const expires = sessionExpiry({ createdAt: now, lastSeenAt: now }, kind, now);
        await tx.session.create({
          data: {
            sessionToken: hashToken(sessionToken),
            userId,
            expires,
            createdAt: now,
            lastSeenAt: now,
            method: "OIDC",
            mfaAt: null,
            ip: context.meta?.ip ?? null,
            userAgent: context.meta?.userAgent ?? null,
          },
        });
        // The tenant's provider vouches that this person is one of the tenant's customers. The
        // company name is a placeholder (the email domain) until the customer edits it. Customer
        // rows are written in the tenant's context only (row-level security).
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${context.tenant.id}, true)`;
        const { count: customerCreated } = await tx.customer.createMany({
          data: [{ tenantId: context.tenant.id, userId, companyName: emailDomain(user.email) ?? user.email }],
          skipDuplicates: true,
        });
        await recordAudit(tx, {
          tenantId: null,
          actor: { id: userId, email: user.email },
          action: "auth.signin.succeeded",
          data: { method: "oidc", tenant: context.tenant.slug, customerCreated: customerCreated === 1 },
          meta: context.meta,
        });
        return { sessionToken, userId, expires };
      });
    },

    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({ where: { sessionToken: hashToken(sessionToken) }, include: { user: true } });
      if (!row) return null;
      return { session: { sessionToken, userId: row.userId, expires: row.expires }, user: toAdapterUser(row.user) };
    },

    async updateSession({ sessionToken, expires }) {
      // Only the expiry may change; server/auth/session.ts keeps it within the policy's limits.
      const rows = await db.session.updateManyAndReturn({ where: { sessionToken: hashToken(sessionToken) }, data: expires ? { expires } : {} });
      const row = rows[0];
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },

    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashToken(sessionToken) } });
    },
  };
}

function toAdapterUser(user: { id: string; email: string; name: string | null; emailVerified: Date | null; image: string | null }): AdapterUser {
  return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified, image: user.image };
}
