import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, STAFF_ROLES } from "./permissions";

describe("permissions", () => {
  it("grants console access to every staff role and nothing to no role", () => {
    for (const role of STAFF_ROLES) expect(hasPermission([role], "console.view")).toBe(true);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(hasPermission([], permission)).toBe(false);
  });

  it("keeps duties apart: editors cannot approve, approvers cannot edit, reviewers touch neither", () => {
    expect(hasPermission(["LEGAL_EDITOR"], "measures.edit")).toBe(true);
    expect(hasPermission(["LEGAL_EDITOR"], "measures.approve")).toBe(false);
    expect(hasPermission(["LEGAL_APPROVER"], "measures.edit")).toBe(false);
    expect(hasPermission(["SECURITY_REVIEWER"], "measures.edit")).toBe(false);
    expect(hasPermission(["SECURITY_REVIEWER"], "attestations.review")).toBe(true);
    expect(hasPermission(["OWNER"], "attestations.review")).toBe(false);
  });

  it("lets only owners manage owners, and only owners and admins manage members and read the audit log", () => {
    expect(STAFF_ROLES.filter((role) => hasPermission([role], "members.manageOwners"))).toEqual(["OWNER"]);
    expect(STAFF_ROLES.filter((role) => hasPermission([role], "members.remove"))).toEqual(["OWNER", "ADMIN"]);
    expect(STAFF_ROLES.filter((role) => hasPermission([role], "audit.view"))).toEqual(["OWNER", "ADMIN"]);
  });

  it("combines the roles one person holds", () => {
    expect(hasPermission(["LEGAL_EDITOR", "SECURITY_REVIEWER"], "measures.edit")).toBe(true);
    expect(hasPermission(["LEGAL_EDITOR", "SECURITY_REVIEWER"], "attestations.review")).toBe(true);
    expect(hasPermission(["LEGAL_EDITOR", "SECURITY_REVIEWER"], "members.view")).toBe(false);
  });
});
