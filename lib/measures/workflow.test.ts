import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "../auth/permissions";
import {
  effectiveDateProblem,
  earliestEffectiveAt,
  isEditable,
  materialDecisionRequired,
  mayReview,
  publishedChangeKind,
  transitionFor,
  TRANSITIONS,
  type VersionStatus,
  type WorkflowAction,
} from "./workflow";

const STATUSES: VersionStatus[] = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"];
const ACTIONS: WorkflowAction[] = ["submit", "return", "approve"];

describe("the transition table", () => {
  it("allows exactly submit (draft), return and approve (in review); nothing leaves PUBLISHED", () => {
    const allowed = STATUSES.flatMap((status) => ACTIONS.filter((action) => transitionFor(status, action)).map((action) => `${status} --${action}--> ${transitionFor(status, action)!.to}`));
    expect(allowed).toEqual(["DRAFT --submit--> IN_REVIEW", "IN_REVIEW --return--> DRAFT", "IN_REVIEW --approve--> PUBLISHED"]);
    for (const action of ACTIONS) expect(transitionFor("PUBLISHED", action)).toBeNull();
  });

  it("gives submitting to editors and the review decisions to approvers only, under four eyes", () => {
    expect(TRANSITIONS.map((t) => [t.action, t.permission, t.fourEyes, t.events.join("+")])).toEqual([
      ["submit", "measures.edit", false, "SUBMITTED"],
      ["return", "measures.approve", true, "RETURNED"],
      ["approve", "measures.approve", true, "APPROVED+PUBLISHED"],
    ]);
    expect(PERMISSIONS["measures.approve"]).toEqual(["LEGAL_APPROVER"]);
    expect(PERMISSIONS["measures.edit"]).not.toContain("LEGAL_APPROVER");
  });

  it("lets only a draft be edited", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["DRAFT"]);
  });
});

describe("the four-eyes rule", () => {
  const draft = { createdById: "creator", submittedById: "submitter", authorIds: ["author-1", "author-2"] };

  it("refuses the creator, every author and the submitter", () => {
    for (const user of ["creator", "submitter", "author-1", "author-2"]) expect(mayReview(user, draft)).toBe(false);
  });

  it("allows anyone who took no part", () => {
    expect(mayReview("approver", draft)).toBe(true);
    expect(mayReview("approver", { createdById: null, submittedById: null, authorIds: [] })).toBe(true);
  });
});

describe("material changes and the notice period", () => {
  const publishedAt = new Date("2026-11-28T10:00:00Z");
  const day = 86_400_000;

  it("asks for a decision when a section or the draft is material", () => {
    expect(materialDecisionRequired("EDITORIAL", [null, "EDITORIAL"])).toBe(false);
    expect(materialDecisionRequired("EDITORIAL", [null, "MATERIAL"])).toBe(true);
    expect(materialDecisionRequired("MATERIAL", [])).toBe(true);
  });

  it("publishes as material only when the approver classifies it so", () => {
    expect(publishedChangeKind("classifyMaterial")).toBe("MATERIAL");
    expect(publishedChangeKind("confirmNoReduction")).toBe("EDITORIAL");
    expect(publishedChangeKind(null)).toBe("EDITORIAL");
  });

  it("enforces the notice period between publication and effective date for a material change", () => {
    expect(earliestEffectiveAt(publishedAt, "MATERIAL", 30)).toEqual(new Date(publishedAt.getTime() + 30 * day));
    expect(earliestEffectiveAt(publishedAt, "EDITORIAL", 30)).toEqual(publishedAt);
    const check = (effectiveAt: Date, kind: "EDITORIAL" | "MATERIAL", previousEffectiveAt: Date | null = null) =>
      effectiveDateProblem({ publishedAt, effectiveAt, kind, noticePeriodDays: 30, previousEffectiveAt });
    expect(check(new Date(publishedAt.getTime() + 30 * day - 1), "MATERIAL")).toBe("notice");
    expect(check(new Date(publishedAt.getTime() + 30 * day), "MATERIAL")).toBeNull();
    expect(check(publishedAt, "MATERIAL")).toBe("notice");
    expect(check(publishedAt, "EDITORIAL")).toBeNull();
    expect(check(new Date(publishedAt.getTime() - 1), "EDITORIAL")).toBe("past");
    expect(check(new Date(publishedAt.getTime() + day), "EDITORIAL", new Date(publishedAt.getTime() + 2 * day))).toBe("beforePrevious");
    expect(check(new Date(publishedAt.getTime() + 2 * day), "EDITORIAL", new Date(publishedAt.getTime() + 2 * day))).toBeNull();
  });

  it("uses the tenant's own notice period", () => {
    expect(effectiveDateProblem({ publishedAt, effectiveAt: new Date(publishedAt.getTime() + 7 * day), kind: "MATERIAL", noticePeriodDays: 7, previousEffectiveAt: null })).toBeNull();
    expect(effectiveDateProblem({ publishedAt, effectiveAt: new Date(publishedAt.getTime() + 7 * day), kind: "MATERIAL", noticePeriodDays: 8, previousEffectiveAt: null })).toBe("notice");
  });
});
