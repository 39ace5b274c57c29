import type { StaffRole } from "@/lib/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { hashRecoveryCode, TOTP_SECRET_PURPOSE } from "@/server/auth/totp";
import { withTenant } from "@/server/db/client";
import { env } from "@/server/env";
import { seal } from "@/server/security/secret-box";

// Demo sign-ins, documented in the README. Never written when APP_ENV=production: the password
// and TOTP secret are public.
export const DEMO_STAFF_PASSWORD = "trust-center-demo-2026";
/** Base32 TOTP secret of every demo staff account (add it to an authenticator app, or compute the code). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/** One recovery code per demo staff account, for trying the recovery path. */
export const DEMO_RECOVERY_CODE = "demo-reco-very";

export const DEMO_STAFF: Array<{ email: string; name: string; tenant: string; roles: StaffRole[] }> = [
  { email: "owner@mpmx.example", name: "Olivia Owner", tenant: "mpmx", roles: ["OWNER"] },
  { email: "admin@mpmx.example", name: "Adam Admin", tenant: "mpmx", roles: ["ADMIN"] },
  { email: "editor@mpmx.example", name: "Elena Editor", tenant: "mpmx", roles: ["LEGAL_EDITOR"] },
  { email: "approver@mpmx.example", name: "Anton Approver", tenant: "mpmx", roles: ["LEGAL_APPROVER"] },
  { email: "reviewer@mpmx.example", name: "Rita Reviewer", tenant: "mpmx", roles: ["SECURITY_REVIEWER"] },
  { email: "owner@nordlicht.example", name: "Nils Nordlicht", tenant: "nordlicht", roles: ["OWNER"] },
];

export const DEMO_CUSTOMERS: Array<{ email: string; tenant: string; companyName: string }> = [
  { email: "kunde@example.com", tenant: "mpmx", companyName: "Beispiel Handels GmbH" },
];

export async function seedDemoAccounts(tenantIds: Record<string, string>): Promise<void> {
  if (env().APP_ENV === "production") return;
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const totpSecret = seal(DEMO_TOTP_SECRET, TOTP_SECRET_PURPOSE);
  for (const staff of DEMO_STAFF) {
    const tenantId = tenantIds[staff.tenant];
    if (!tenantId) throw new Error(`demo staff ${staff.email}: unknown tenant ${staff.tenant}`);
    await withTenant(tenantId, async (tx) => {
      const user = await tx.user.create({
        data: {
          email: staff.email,
          name: staff.name,
          emailVerified: new Date(),
          passwordHash,
          totpSecret,
          totpEnabledAt: new Date(),
          recoveryCodes: { create: { codeHash: hashRecoveryCode(DEMO_RECOVERY_CODE) } },
        },
      });
      await tx.membership.create({ data: { tenantId, userId: user.id, roles: staff.roles } });
    });
  }
  for (const customer of DEMO_CUSTOMERS) {
    const tenantId = tenantIds[customer.tenant];
    if (!tenantId) throw new Error(`demo customer ${customer.email}: unknown tenant ${customer.tenant}`);
    await withTenant(tenantId, async (tx) => {
      const user = await tx.user.create({ data: { email: customer.email, emailVerified: new Date() } });
      await tx.customer.create({ data: { tenantId, userId: user.id, companyName: customer.companyName } });
    });
  }
}
