import { describe, expect, it } from "vitest";
import { addMonths, certificationStanding, letterStatus, letterValidUntil } from "./validity";

describe("addMonths", () => {
  it.each([
    ["2026-11-28", 12, "2027-11-28"],
    ["2028-02-29", 12, "2029-02-28"], // leap day into a common year: last day of February
    ["2027-02-28", 12, "2028-02-28"], // into a leap year: the same day, not the 29th
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-12-31", 12, "2027-12-31"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-03-31", -1, "2026-02-28"],
  ])("%s + %i months = %s", (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it("refuses what is not a calendar day", () => {
    expect(() => addMonths("2026-02-30", 1)).toThrow("not a calendar day");
    expect(() => addMonths("28.11.2026", 1)).toThrow("not a calendar day");
  });
});

describe("letterValidUntil", () => {
  it("is 12 months after issue when every certificate lasts longer", () => {
    expect(letterValidUntil("2026-11-28", ["2028-03-01", "2029-01-01"])).toBe("2027-11-28");
  });

  it("is the first certificate expiry when that comes earlier", () => {
    expect(letterValidUntil("2026-11-28", ["2028-03-01", "2027-06-30", "2027-09-01"])).toBe("2027-06-30");
  });

  it("a certificate expiring on the 12-month day itself: that day", () => {
    expect(letterValidUntil("2026-11-28", ["2027-11-28"])).toBe("2027-11-28");
    expect(letterValidUntil("2026-11-28", ["2027-11-27"])).toBe("2027-11-27");
  });

  it("issued on a leap day: the 12 months end on 28 February", () => {
    expect(letterValidUntil("2028-02-29", ["2030-01-01"])).toBe("2029-02-28");
  });

  it("issued on a month end: the same month end a year later", () => {
    expect(letterValidUntil("2026-04-30", ["2030-01-01"])).toBe("2027-04-30");
    expect(letterValidUntil("2026-01-31", ["2030-01-01"])).toBe("2027-01-31");
  });

  it("needs at least one certificate", () => {
    expect(() => letterValidUntil("2026-11-28", [])).toThrow("at least one certification");
  });
});

describe("certificationStanding", () => {
  const base = { validUntil: "2027-05-31", suspended: false, withdrawn: false };
  it("valid through its last day, expired the day after", () => {
    expect(certificationStanding(base, "2027-05-31")).toBe("valid");
    expect(certificationStanding(base, "2027-06-01")).toBe("expired");
  });
  it("suspended and withdrawn regardless of the date", () => {
    expect(certificationStanding({ ...base, suspended: true }, "2026-11-28")).toBe("suspended");
    expect(certificationStanding({ ...base, suspended: true, withdrawn: true }, "2026-11-28")).toBe("withdrawn");
  });
});

describe("letterStatus", () => {
  it("valid through valid-until, expired after, revoked whatever the date", () => {
    expect(letterStatus({ validUntil: "2027-11-28", revokedAt: null }, "2027-11-28")).toBe("valid");
    expect(letterStatus({ validUntil: "2027-11-28", revokedAt: null }, "2027-11-29")).toBe("expired");
    expect(letterStatus({ validUntil: "2027-11-28", revokedAt: new Date("2026-12-01T10:00:00Z") }, "2026-12-02")).toBe("revoked");
  });
});
