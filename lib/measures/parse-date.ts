// Both markers are accepted in either language, because translated documents are often pasted half-done.
const MARKER = /(?:Letzte Aktualisierung|Last updated)\s*:\s*/i;

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, april: 4, mai: 5, juni: 6,
  juli: 7, august: 8, september: 9, oktober: 10, november: 11, dezember: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10, december: 12,
};

interface DateParts {
  day: string;
  month: string;
  year: string;
}

// Each shape is anchored at the text right after the marker.
const SHAPES: { pattern: RegExp; parts: (m: RegExpExecArray) => DateParts }[] = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})/, parts: (m) => parts(m[3], m[2], m[1]) },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})/, parts: (m) => parts(m[1], m[2], m[3]) },
  { pattern: /^(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})/u, parts: (m) => parts(m[1], m[2], m[3]) },
  { pattern: /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u, parts: (m) => parts(m[1], m[2], m[3]) },
  { pattern: /^(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})/u, parts: (m) => parts(m[2], m[1], m[3]) },
];

export interface ClosingMarker {
  /** Offset of the marker in the paragraph text. */
  start: number;
  /** Offset just after the date and its full stop; the paragraph end when the date is unreadable. */
  end: number;
  /** "YYYY-MM-DD", or null when the date could not be read. */
  effectiveDate: string | null;
  /** The date as written, for the error message. */
  value: string;
}

export function findClosingMarker(text: string): ClosingMarker | null {
  const marker = MARKER.exec(text);
  if (!marker) return null;
  const start = marker.index;
  const dateStart = start + marker[0].length;
  const rest = text.slice(dateStart);
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(rest);
    if (!match) continue;
    // The date must end the sentence or the paragraph; "2026-06-01T10:00" is not a date we can trust.
    const stop = /^\.?(?=\s|$)/.exec(rest.slice(match[0].length));
    if (!stop) continue;
    const effectiveDate = toIsoDate(shape.parts(match));
    if (effectiveDate) {
      return { start, end: dateStart + match[0].length + stop[0].length, effectiveDate, value: match[0] };
    }
    return { start, end: text.length, effectiveDate: null, value: match[0] };
  }
  return { start, end: text.length, effectiveDate: null, value: abbreviate(rest) };
}

function parts(day: string | undefined, month: string | undefined, year: string | undefined): DateParts {
  return { day: day ?? "", month: month ?? "", year: year ?? "" };
}

function toIsoDate({ day, month, year }: DateParts): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS[month.normalize("NFC").toLowerCase()];
  const d = Number(day);
  const y = Number(year);
  if (m === undefined || m < 1 || m > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years for us.
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function abbreviate(rest: string): string {
  const value = Array.from(rest.trim().replace(/\.$/, ""));
  return value.length > 60 ? `${value.slice(0, 60).join("")}…` : value.join("");
}
