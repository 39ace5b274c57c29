// Who may do what in a tenant's console: one table, read by the guard, the UI (to hide what the
// server would refuse anyway) and the authorization-matrix test. Least privilege: a role gets a
// permission only when its job needs it.
export const STAFF_ROLES = ["OWNER", "ADMIN", "LEGAL_EDITOR", "LEGAL_APPROVER", "SECURITY_REVIEWER"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = {
  /** Open the console at all (its home page). */
  "console.view": ["OWNER", "ADMIN", "LEGAL_EDITOR", "LEGAL_APPROVER", "SECURITY_REVIEWER"],
  "members.view": ["OWNER", "ADMIN"],
  "members.invite": ["OWNER", "ADMIN"],
  "members.changeRoles": ["OWNER", "ADMIN"],
  "members.remove": ["OWNER", "ADMIN"],
  /** Turn off a member's TOTP so they enrol again (lost device); ends their sessions. */
  "members.resetMfa": ["OWNER", "ADMIN"],
  /** Granting or taking OWNER is an owner's decision. */
  "members.manageOwners": ["OWNER"],
  "audit.view": ["OWNER", "ADMIN"],
  "audit.export": ["OWNER", "ADMIN"],
  "settings.view": ["OWNER", "ADMIN"],
  "settings.update": ["OWNER", "ADMIN"],
  /** See drafts, their timeline and redline (editors and approvers). */
  "measures.view": ["OWNER", "ADMIN", "LEGAL_EDITOR", "LEGAL_APPROVER"],
  "measures.edit": ["OWNER", "ADMIN", "LEGAL_EDITOR"],
  "measures.approve": ["LEGAL_APPROVER"],
  /** Subscribers list and webhook endpoints with their delivery log. */
  "subscribers.view": ["OWNER", "ADMIN"],
  "webhooks.manage": ["OWNER", "ADMIN"],
  "certifications.manage": ["OWNER", "ADMIN", "SECURITY_REVIEWER"],
  /** NDA text and versions, auto-approval rules, request limits. */
  "attestations.settings": ["OWNER", "ADMIN"],
  "attestations.review": ["SECURITY_REVIEWER"],
  /** Download issued attestation letters (reviewers who issue them, owners and admins who answer for them). */
  "attestations.letters": ["OWNER", "ADMIN", "SECURITY_REVIEWER"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function hasPermission(roles: readonly StaffRole[], permission: Permission): boolean {
  const allowed: readonly StaffRole[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
