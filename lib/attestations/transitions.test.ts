import { describe, expect, it } from "vitest";
import { ATTESTATION_STATES, availableTransitions, checkTransition, isAllowedPair, isOpenState, TRANSITIONS, type AttestationStateName, type TransitionActor } from "./transitions";

// The table is the workflow: every allowed transition passes for its actor, every other state,
// actor or missing message is refused with the reason the UI shows.

const ACTORS: TransitionActor[] = ["customer", "reviewer", "system"];

describe("the transition table", () => {
  it("is exactly the issue's workflow", () => {
    const pairs = TRANSITIONS.flatMap((t) => t.from.map((from) => `${from} → ${t.to} (${t.actor}${t.message === "required" ? ", message" : ""})`)).sort();
    expect(pairs).toEqual(
      [
        "SUBMITTED → IN_REVIEW (reviewer)",
        "IN_REVIEW → INFO_REQUESTED (reviewer, message)",
        "INFO_REQUESTED → IN_REVIEW (customer, message)",
        "IN_REVIEW → APPROVED (reviewer)",
        "SUBMITTED → APPROVED (system)",
        "APPROVED → ISSUED (system)",
        "SUBMITTED → REJECTED (reviewer, message)",
        "IN_REVIEW → REJECTED (reviewer, message)",
        "INFO_REQUESTED → REJECTED (reviewer, message)",
        "SUBMITTED → WITHDRAWN (customer)",
        "IN_REVIEW → WITHDRAWN (customer)",
        "INFO_REQUESTED → WITHDRAWN (customer)",
        "ISSUED → EXPIRED (system)",
        "ISSUED → REVOKED (reviewer, message)",
      ].sort(),
    );
  });

  it.each(TRANSITIONS.flatMap((t) => t.from.map((from) => [t.name, from, t.actor] as const)))("allows %s from %s for the %s", (name, from, actor) => {
    expect(checkTransition(name, from, actor, "a message")).toBeNull();
  });

  it.each(TRANSITIONS.flatMap((t) => ACTORS.filter((a) => a !== t.actor).map((actor) => [t.name, actor] as const)))("refuses %s for the %s", (name, actor) => {
    const from = TRANSITIONS.find((t) => t.name === name)!.from[0]!;
    expect(checkTransition(name, from, actor, "a message")).toBe("wrongActor");
  });

  it.each(TRANSITIONS.flatMap((t) => ATTESTATION_STATES.filter((s) => !t.from.includes(s)).map((state) => [t.name, state, t.actor] as const)))(
    "refuses %s from %s",
    (name, state, actor) => {
      expect(checkTransition(name, state, actor, "a message")).toBe("illegalTransition");
    },
  );

  it("requires a reason to reject or revoke, a question to ask and an answer to answer", () => {
    expect(checkTransition("reject", "IN_REVIEW", "reviewer", "")).toBe("messageRequired");
    expect(checkTransition("reject", "IN_REVIEW", "reviewer", "   ")).toBe("messageRequired");
    expect(checkTransition("revoke", "ISSUED", "reviewer", null)).toBe("messageRequired");
    expect(checkTransition("requestInformation", "IN_REVIEW", "reviewer", undefined)).toBe("messageRequired");
    expect(checkTransition("answer", "INFO_REQUESTED", "customer", "\n")).toBe("messageRequired");
    expect(checkTransition("approve", "IN_REVIEW", "reviewer", "")).toBeNull();
    expect(checkTransition("withdraw", "SUBMITTED", "customer", null)).toBeNull();
  });

  it("has no way out of a final state except ISSUED's expiry and revocation", () => {
    const finals: AttestationStateName[] = ["REJECTED", "WITHDRAWN", "EXPIRED", "REVOKED"];
    for (const from of finals) for (const to of ATTESTATION_STATES) expect(isAllowedPair(from, to), `${from} → ${to}`).toBe(false);
    expect(ATTESTATION_STATES.filter((to) => isAllowedPair("ISSUED", to))).toEqual(["EXPIRED", "REVOKED"]);
    expect(isAllowedPair("INFO_REQUESTED", "APPROVED")).toBe(false);
    expect(isAllowedPair("SUBMITTED", "ISSUED")).toBe(false);
  });

  it("offers each party the buttons of the table", () => {
    expect(availableTransitions("SUBMITTED", "reviewer")).toEqual(["startReview", "reject"]);
    expect(availableTransitions("IN_REVIEW", "reviewer")).toEqual(["requestInformation", "approve", "reject"]);
    expect(availableTransitions("INFO_REQUESTED", "reviewer")).toEqual(["reject"]);
    expect(availableTransitions("ISSUED", "reviewer")).toEqual(["revoke"]);
    expect(availableTransitions("INFO_REQUESTED", "customer")).toEqual(["answer", "withdraw"]);
    expect(availableTransitions("ISSUED", "customer")).toEqual([]);
    expect(ATTESTATION_STATES.filter(isOpenState)).toEqual(["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED"]);
  });
});
