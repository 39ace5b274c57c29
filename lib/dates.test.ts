import { describe, expect, it } from "vitest";
import { dayInZone, formatDate, startOfDayInZone, formatDateTime, formatTimestamp } from "./dates";

describe("dates", () => {
  it("finds the start of a day in Berlin in summer and winter time", () => {
    expect(startOfDayInZone("2026-06-01", "Europe/Berlin").toISOString()).toBe("2026-05-31T22:00:00.000Z");
    expect(startOfDayInZone("2025-12-01", "Europe/Berlin").toISOString()).toBe("2025-11-30T23:00:00.000Z");
    expect(startOfDayInZone("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayInZone("2026-06-01", "UTC").toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("rejects what is not a calendar day", () => {
    expect(() => startOfDayInZone("1.6.2026", "UTC")).toThrow("not a calendar day");
  });

  it("formats dates in each locale's order, in the tenant's time zone", () => {
    const iso = "2026-05-31T22:00:00.000Z";
    expect(formatDate(iso, "de", "Europe/Berlin")).toBe("1. Juni 2026");
    expect(formatDate(iso, "en", "Europe/Berlin")).toBe("1 June 2026");
    expect(formatDate(iso, "en", "UTC")).toBe("31 May 2026");
    expect(dayInZone(iso, "Europe/Berlin")).toBe("2026-06-01");
  });
});

describe("date and time", () => {
  const at = "2026-11-28T02:45:12.000Z";
  it("formats to the minute and to the second in the locale's order and the tenant's zone", () => {
    expect(formatDateTime(at, "de", "Europe/Berlin")).toBe("28.11.26, 03:45");
    expect(formatDateTime(at, "en", "Europe/Berlin")).toBe("28/11/2026, 03:45");
    expect(formatTimestamp(at, "de", "Europe/Berlin")).toBe("28.11.2026, 03:45:12");
    expect(formatTimestamp(at, "en", "Europe/Berlin")).toBe("28 Nov 2026, 03:45:12");
  });
});
