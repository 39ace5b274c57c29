// The approver enters an effective date as a wall-clock time in the tenant's time zone (an
// <input type="datetime-local">, "2026-12-01T09:30"); the database stores the instant.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` denotes, or null for text that is no such time (or a
 * time that does not exist there, like 02:30 on the night clocks go forward).
 */
export function instantFromLocalDateTime(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Two passes settle the offset around a daylight-saving change.
  let instant = wall;
  for (let pass = 0; pass < 2; pass++) instant = wall - zoneOffsetMs(instant, timeZone);
  return localDateTimeOf(new Date(instant), timeZone, match[6] !== undefined) === value ? new Date(instant) : null;
}

/** The wall-clock time of an instant in `timeZone`, as a datetime-local value ("2026-12-01T09:30"). */
export function localDateTimeOf(at: Date, timeZone: string, withSeconds = false): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  const base = `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
  return withSeconds ? `${base}:${get("second")}` : base;
}
