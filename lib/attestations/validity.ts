// How long an attestation letter is valid, and what it says at a given day. Calendar days
// ("YYYY-MM-DD") throughout: a certificate's and a letter's validity are dates, not instants, and
// "today" is the day in the issuing tenant's time zone (lib/dates dayInZone).

/** A letter is valid for at most this many months after its issue date. */
export const LETTER_VALIDITY_MONTHS = 12;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): { year: number; month: number; date: number } {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a calendar day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) throw new Error(`not a calendar day: ${day}`);
  return { year, month, date };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * The same day `months` later; a day the target month does not have becomes its last day
 * (31 Jan + 1 month = 28/29 Feb, 29 Feb 2028 + 12 months = 28 Feb 2029).
 */
export function addMonths(day: string, months: number): string {
  const { year, month, date } = parseDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(date, daysInMonth(targetYear, targetMonth)))}`;
}

/**
 * The letter's last valid day: the earlier of the first certificate expiry (the certificates'
 * own last valid day) and 12 months after the issue date.
 */
export function letterValidUntil(issueDay: string, certificateExpiries: readonly string[]): string {
  if (certificateExpiries.length === 0) throw new Error("a letter attests at least one certification");
  let until = addMonths(issueDay, LETTER_VALIDITY_MONTHS);
  for (const expiry of certificateExpiries) {
    parseDay(expiry);
    if (expiry < until) until = expiry;
  }
  return until;
}

export type CertificationStanding = "valid" | "expired" | "suspended" | "withdrawn";

/** Why a certification may not be attested on `day` (withdrawn outranks suspended outranks expired). */
export function certificationStanding(certification: { validUntil: string; suspended: boolean; withdrawn: boolean }, day: string): CertificationStanding {
  if (certification.withdrawn) return "withdrawn";
  if (certification.suspended) return "suspended";
  return certification.validUntil < day ? "expired" : "valid";
}

export type LetterStatus = "valid" | "expired" | "revoked";

/** What /verify says about a letter on `today`: revoked wins; expired once today is past valid-until. */
export function letterStatus(letter: { validUntil: string; revokedAt: Date | string | null }, today: string): LetterStatus {
  if (letter.revokedAt) return "revoked";
  return today > letter.validUntil ? "expired" : "valid";
}

/** A Date column of type DATE (midnight UTC) as its calendar day. */
export function dateColumnDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}
