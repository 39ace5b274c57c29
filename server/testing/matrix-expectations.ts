// Who the authorization matrix signs in as, and what each of them should get. The expectation for a
// console entry is read from lib/auth/permissions.ts (PERMISSIONS), the same table the guard reads;
// the few entries that are not about a permission (account, sign-in) say so explicitly.
// Not a test file; imported by tests only.
import { PERMISSIONS, type Permission, type StaffRole } from "@/lib/auth/permissions";
import type { Expectation } from "./cell-outcome";

export interface Persona {
  name: string;
  /** Staff roles in the "own" tenant; none for anonymous and the customer. */
  roles: StaffRole[];
  signedIn: boolean;
  /** The session's second factor was verified. */
  mfa: boolean;
  /** TOTP is enrolled (decides where an MFA denial sends the browser). */
  totpEnabled: boolean;
}

export const PERSONAS: readonly Persona[] = [
  { name: "anonymous", roles: [], signedIn: false, mfa: false, totpEnabled: false },
  { name: "customer", roles: [], signedIn: true, mfa: false, totpEnabled: false },
  { name: "OWNER", roles: ["OWNER"], signedIn: true, mfa: true, totpEnabled: true },
  { name: "ADMIN", roles: ["ADMIN"], signedIn: true, mfa: true, totpEnabled: true },
  { name: "LEGAL_EDITOR", roles: ["LEGAL_EDITOR"], signedIn: true, mfa: true, totpEnabled: true },
  { name: "LEGAL_APPROVER", roles: ["LEGAL_APPROVER"], signedIn: true, mfa: true, totpEnabled: true },
  { name: "SECURITY_REVIEWER", roles: ["SECURITY_REVIEWER"], signedIn: true, mfa: true, totpEnabled: true },
  // Both hold OWNER, every permission there is: only the missing second factor can deny them.
  { name: "OWNER without MFA-verified session", roles: ["OWNER"], signedIn: true, mfa: false, totpEnabled: true },
  { name: "OWNER not yet enrolled in MFA", roles: ["OWNER"], signedIn: true, mfa: false, totpEnabled: false },
];

/** Who may use an entry. */
export type Access =
  /** A console entry of the tenant in the route: needs this permission there. */
  | { kind: "permission"; permission: Permission }
  /** Any signed-in user (the account area). */
  | { kind: "signedIn" }
  /** A signed-in user whose session passed the second factor (security-critical account changes). */
  | { kind: "mfaSession" }
  /** Anyone (sign-in pages and their actions). */
  | { kind: "public" }
  /** No session opens it: only a request signed with a key derived from AUTH_SECRET (internal endpoints). */
  | { kind: "signedRequest" };

export type TenantSide = "own" | "other" | null;

/** The answer the guard should give; `foreignObject` = own tenant's route, another tenant's object id. */
export function expectedOutcome(access: Access, persona: Persona, side: TenantSide, foreignObject = false): Expectation {
  const base = expectedAccess(access, persona, side);
  return foreignObject && base === "allowed" ? "notFound" : base;
}

function expectedAccess(access: Access, persona: Persona, side: TenantSide): Expectation {
  switch (access.kind) {
    case "public":
      return "allowed";
    case "signedRequest":
      return "unauthenticated";
    case "signedIn":
      if (!persona.signedIn) return "unauthenticated";
      // Staff personas sign in with a password: with TOTP enrolled and no code yet, that is the
      // middle of a sign-in, which opens nothing but the second-factor step.
      return persona.roles.length > 0 && !persona.mfa && persona.totpEnabled ? "mfaRequired" : "allowed";
    case "mfaSession":
      if (!persona.signedIn) return "unauthenticated";
      return persona.mfa ? "allowed" : "mfaRequired";
    case "permission": {
      if (!persona.signedIn) return "unauthenticated";
      const roles = side === "own" ? persona.roles : [];
      if (roles.length === 0) return "forbidden";
      if (!persona.mfa) return "mfaRequired";
      const allowed: readonly StaffRole[] = PERMISSIONS[access.permission];
      return roles.some((role) => allowed.includes(role)) ? "allowed" : "forbidden";
    }
  }
}
