import { describe, expect, it } from "vitest";
import { SESSION_LIMITS, sessionExpiry, sessionVerdict } from "./session-policy";

const t0 = new Date("2026-11-28T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("session limits", () => {
  it("ends a staff session after 30 idle minutes, a customer session after 7 idle days", () => {
    const times = { createdAt: t0, lastSeenAt: t0 };
    expect(sessionVerdict(times, "staff", at(30 * MIN - 1))).toBe("active");
    expect(sessionVerdict(times, "staff", at(30 * MIN))).toBe("idle-expired");
    expect(sessionVerdict(times, "customer", at(30 * MIN))).toBe("active");
    expect(sessionVerdict(times, "customer", at(7 * 24 * 60 * MIN))).toBe("idle-expired");
  });

  it("ends every session at its absolute limit, however active", () => {
    const busy = { createdAt: t0, lastSeenAt: at(12 * 60 * MIN - MIN) };
    expect(sessionVerdict(busy, "staff", at(12 * 60 * MIN - 1))).toBe("active");
    expect(sessionVerdict(busy, "staff", at(12 * 60 * MIN))).toBe("absolute-expired");
    expect(sessionVerdict({ createdAt: t0, lastSeenAt: at(30 * 24 * 60 * MIN - MIN) }, "customer", at(30 * 24 * 60 * MIN))).toBe("absolute-expired");
  });

  it("staff limits are shorter than customer limits", () => {
    expect(SESSION_LIMITS.staff.idleMs).toBeLessThan(SESSION_LIMITS.customer.idleMs);
    expect(SESSION_LIMITS.staff.absoluteMs).toBeLessThan(SESSION_LIMITS.customer.absoluteMs);
  });

  it("pushes the expiry forward on activity, never past the absolute limit", () => {
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: t0 }, "staff", at(10 * MIN))).toEqual(at(40 * MIN));
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: t0 }, "staff", at(11 * 60 * MIN + 50 * MIN))).toEqual(at(12 * 60 * MIN));
  });
});
