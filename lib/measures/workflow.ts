import type { Permission } from "../auth/permissions";

// The review and publication workflow of a measures version, as data: the server functions look a
// move up here before they make it, the UI shows only the moves the viewer could make, and the unit
// tests read the same table. APPROVED is no resting state: an approval publishes at once (a version
// that takes effect later is PUBLISHED with a future effective date, announced on the public pages).

export type VersionStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
export type ChangeKind = "EDITORIAL" | "MATERIAL";
export type WorkflowAction = "submit" | "return" | "approve";
export type VersionEventKind = "CREATED" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED" | "TOOK_EFFECT";

export interface Transition {
  action: WorkflowAction;
  from: VersionStatus;
  to: VersionStatus;
  permission: Permission;
  /** Four eyes: refused to anyone who authored, created or submitted the draft. */
  fourEyes: boolean;
  /** Timeline events written by the move, in order. */
  events: readonly VersionEventKind[];
}

export const TRANSITIONS: readonly Transition[] = [
  { action: "submit", from: "DRAFT", to: "IN_REVIEW", permission: "measures.edit", fourEyes: false, events: ["SUBMITTED"] },
  { action: "return", from: "IN_REVIEW", to: "DRAFT", permission: "measures.approve", fourEyes: true, events: ["RETURNED"] },
  { action: "approve", from: "IN_REVIEW", to: "PUBLISHED", permission: "measures.approve", fourEyes: true, events: ["APPROVED", "PUBLISHED"] },
];

/** The move `action` from `status`, or null when the table has none (the server refuses it). */
export function transitionFor(status: VersionStatus, action: WorkflowAction): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.from === status) ?? null;
}

/** Only a draft's text changes; in review and after publication it is frozen (the database guards the latter). */
export function isEditable(status: VersionStatus): boolean {
  return status === "DRAFT";
}

/** Who took part in writing a draft: its creator, everyone who saved a change, and whoever submitted it. */
export interface DraftParticipants {
  createdById: string | null;
  submittedById: string | null;
  authorIds: readonly string[];
}

/** The four-eyes rule: a reviewer must not have created, changed or submitted the draft. */
export function mayReview(userId: string, draft: DraftParticipants): boolean {
  return userId !== draft.createdById && userId !== draft.submittedById && !draft.authorIds.includes(userId);
}

// ---------------------------------------------------------------------------------------------
// Material changes and the notice period

/**
 * How the approver classifies a version with a material section change: either the overall protection
 * level is not materially reduced (confirmed with name and time), or it is a material change, which
 * customers get the tenant's notice period for.
 */
export type MaterialDecision = "confirmNoReduction" | "classifyMaterial";
export const MATERIAL_DECISIONS: readonly MaterialDecision[] = ["confirmNoReduction", "classifyMaterial"];

/** The approver must decide when any section, or the draft as a whole, is marked material. */
export function materialDecisionRequired(versionKind: ChangeKind, sectionKinds: readonly (ChangeKind | null)[]): boolean {
  return versionKind === "MATERIAL" || sectionKinds.includes("MATERIAL");
}

/** The version's change kind once published: material only when the approver classified it so. */
export function publishedChangeKind(decision: MaterialDecision | null): ChangeKind {
  return decision === "classifyMaterial" ? "MATERIAL" : "EDITORIAL";
}

const DAY_MS = 86_400_000;

/** The earliest effective date allowed when publishing at `publishedAt`. */
export function earliestEffectiveAt(publishedAt: Date, kind: ChangeKind, noticePeriodDays: number): Date {
  return kind === "MATERIAL" ? new Date(publishedAt.getTime() + noticePeriodDays * DAY_MS) : publishedAt;
}

export type EffectiveDateProblem = "past" | "notice" | "beforePrevious";

export interface EffectiveDateCheck {
  publishedAt: Date;
  effectiveAt: Date;
  kind: ChangeKind;
  noticePeriodDays: number;
  /** The effective date of the newest published version: a newer one cannot take effect before it. */
  previousEffectiveAt: Date | null;
}

/** Why an effective date cannot be accepted, or null. "Now" is the publication time itself. */
export function effectiveDateProblem(check: EffectiveDateCheck): EffectiveDateProblem | null {
  if (check.effectiveAt < check.publishedAt) return "past";
  if (check.effectiveAt < earliestEffectiveAt(check.publishedAt, check.kind, check.noticePeriodDays)) return "notice";
  if (check.previousEffectiveAt && check.effectiveAt < check.previousEffectiveAt) return "beforePrevious";
  return null;
}
