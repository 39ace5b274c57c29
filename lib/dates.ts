import type { Locale } from "./i18n/locales";

// en dates in the European day-month-year order our tenants' customers expect ("1 June 2026").
const INTL_LOCALE: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone }).format(new Date(iso));
}

/** Date and time to the minute ("28.11.2026, 03:45" / "28/11/2026, 03:45") for logs and mail lists. */
export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "short", timeStyle: "short", timeZone }).format(new Date(value));
}

/** Date and time to the second ("28.11.2026, 03:45:12") where events are read next to server logs. */
export function formatTimestamp(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "medium", timeZone }).format(new Date(value));
}

/** The instant a calendar day ("2026-06-01") begins in a time zone, e.g. 2026-05-31T22:00:00Z for Berlin. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a calendar day: ${day}`);
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The zone's offset can differ between the UTC guess and the real instant around DST changes; two passes settle it.
  let instant = utcMidnight;
  for (let pass = 0; pass < 2; pass++) instant = utcMidnight - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar day of an instant in a time zone, as "YYYY-MM-DD". */
export function dayInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}
