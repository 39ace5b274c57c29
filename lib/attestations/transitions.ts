// The attestation request workflow as data: every allowed state change, who may make it and what it
// needs. server/attestations/transition.ts enforces exactly this table; the tests walk it.
//
//   SUBMITTED → IN_REVIEW → (INFO_REQUESTED ⇄ IN_REVIEW) → APPROVED → ISSUED → EXPIRED | REVOKED
//   open (SUBMITTED, IN_REVIEW, INFO_REQUESTED) → REJECTED (reviewer) | WITHDRAWN (customer)
//   SUBMITTED → APPROVED by the system when an auto-approval rule matches.

export const ATTESTATION_STATES = ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "APPROVED", "ISSUED", "REJECTED", "WITHDRAWN", "EXPIRED", "REVOKED"] as const;
export type AttestationStateName = (typeof ATTESTATION_STATES)[number];

/** States in which the request still waits for someone: counted by the open-request limit. */
export const OPEN_STATES = ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED"] as const satisfies readonly AttestationStateName[];
/** States waiting for the reviewer (the queue's default view and the reminder). */
export const AWAITING_REVIEW_STATES = ["SUBMITTED", "IN_REVIEW"] as const satisfies readonly AttestationStateName[];

export type TransitionActor = "customer" | "reviewer" | "system";

export type TransitionName = "startReview" | "requestInformation" | "answer" | "approve" | "autoApprove" | "issue" | "reject" | "withdraw" | "expire" | "revoke";

export interface Transition {
  name: TransitionName;
  from: readonly AttestationStateName[];
  to: AttestationStateName;
  actor: TransitionActor;
  /** A reason (reject, revoke), a question or an answer, shown to the other side. */
  message: "required" | "none";
  /** Audit action recorded with the change. */
  audit: string;
  /** Who is told by mail (outbox): the customer on every decision, the reviewers on an answer. */
  notify: "customer" | "staff" | null;
}

export const TRANSITIONS: readonly Transition[] = [
  { name: "startReview", from: ["SUBMITTED"], to: "IN_REVIEW", actor: "reviewer", message: "none", audit: "attestation.review_started", notify: null },
  { name: "requestInformation", from: ["IN_REVIEW"], to: "INFO_REQUESTED", actor: "reviewer", message: "required", audit: "attestation.info_requested", notify: "customer" },
  { name: "answer", from: ["INFO_REQUESTED"], to: "IN_REVIEW", actor: "customer", message: "required", audit: "attestation.answered", notify: "staff" },
  { name: "approve", from: ["IN_REVIEW"], to: "APPROVED", actor: "reviewer", message: "none", audit: "attestation.approved", notify: null },
  { name: "autoApprove", from: ["SUBMITTED"], to: "APPROVED", actor: "system", message: "none", audit: "attestation.approved", notify: null },
  // The letter module makes this change when it issues the letter; the customer hears of the issued letter.
  { name: "issue", from: ["APPROVED"], to: "ISSUED", actor: "system", message: "none", audit: "attestation.issued", notify: "customer" },
  { name: "reject", from: ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED"], to: "REJECTED", actor: "reviewer", message: "required", audit: "attestation.rejected", notify: "customer" },
  { name: "withdraw", from: ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED"], to: "WITHDRAWN", actor: "customer", message: "none", audit: "attestation.withdrawn", notify: null },
  { name: "expire", from: ["ISSUED"], to: "EXPIRED", actor: "system", message: "none", audit: "attestation.expired", notify: null },
  { name: "revoke", from: ["ISSUED"], to: "REVOKED", actor: "reviewer", message: "required", audit: "attestation.revoked", notify: "customer" },
];

export function transitionNamed(name: TransitionName): Transition {
  const transition = TRANSITIONS.find((t) => t.name === name);
  if (!transition) throw new Error(`unknown transition ${name}`);
  return transition;
}

/** Why a transition is refused, or null when `actor` may fire `name` from `state`. */
export type TransitionRefusal = "illegalTransition" | "wrongActor" | "messageRequired";

export function checkTransition(name: TransitionName, state: AttestationStateName, actor: TransitionActor, message: string | null | undefined): TransitionRefusal | null {
  const transition = transitionNamed(name);
  if (transition.actor !== actor) return "wrongActor";
  if (!transition.from.includes(state)) return "illegalTransition";
  if (transition.message === "required" && !(message ?? "").trim()) return "messageRequired";
  return null;
}

/** The transitions `actor` may fire from `state` (the buttons a page offers). */
export function availableTransitions(state: AttestationStateName, actor: TransitionActor): TransitionName[] {
  return TRANSITIONS.filter((t) => t.actor === actor && t.from.includes(state)).map((t) => t.name);
}

export function isOpenState(state: AttestationStateName): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/** Every state pair not in the table, for tests and for documentation. */
export function isAllowedPair(from: AttestationStateName, to: AttestationStateName): boolean {
  return TRANSITIONS.some((t) => t.to === to && t.from.includes(from));
}
