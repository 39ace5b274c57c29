import "server-only";
import { hasPermission, type StaffRole } from "@/lib/auth/permissions";

// The owner rules, shared by the mutations (which enforce them) and the members page (which hides
// what the server would refuse). Pure: the callers load the roles, inside their transaction.

/** Only an owner may grant or take OWNER, or change or remove a member who holds it. */
export function mayManageOwners(actorRoles: readonly StaffRole[]): boolean {
  return hasPermission(actorRoles, "members.manageOwners");
}

/** May the actor change or remove this member at all? */
export function mayTouchMember(actorRoles: readonly StaffRole[], targetRoles: readonly StaffRole[]): boolean {
  return !targetRoles.includes("OWNER") || mayManageOwners(actorRoles);
}

/** Does a change from `before` to `after` grant or take OWNER? */
export function changesOwnership(before: readonly StaffRole[], after: readonly StaffRole[]): boolean {
  return before.includes("OWNER") !== after.includes("OWNER");
}

/** Would the tenant be left without an owner if this member lost OWNER? */
export function isLastOwner(targetRoles: readonly StaffRole[], ownerCount: number): boolean {
  return targetRoles.includes("OWNER") && ownerCount <= 1;
}
