// Session lifetimes (ASVS 5.0 §7.3): staff sessions are shorter, every session has an idle and an
// absolute limit. Pure, so that the rules are unit-tested without a clock or a database.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_LIMITS = {
  customer: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
  staff: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
} as const;

/** Activity within this window does not rewrite the session row on every request. */
export const TOUCH_INTERVAL_MS = MINUTE;

export type SessionKind = keyof typeof SESSION_LIMITS;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionVerdict = "active" | "idle-expired" | "absolute-expired";

export function sessionVerdict(times: SessionTimes, kind: SessionKind, now: Date): SessionVerdict {
  const limits = SESSION_LIMITS[kind];
  if (now.getTime() - times.createdAt.getTime() >= limits.absoluteMs) return "absolute-expired";
  if (now.getTime() - times.lastSeenAt.getTime() >= limits.idleMs) return "idle-expired";
  return "active";
}

/** When the session ends if the user stays idle from `now` on (never past the absolute limit). */
export function sessionExpiry(times: SessionTimes, kind: SessionKind, now: Date): Date {
  const limits = SESSION_LIMITS[kind];
  return new Date(Math.min(now.getTime() + limits.idleMs, times.createdAt.getTime() + limits.absoluteMs));
}
