import { describe, expect, it } from "vitest";
import { instantFromLocalDateTime, localDateTimeOf } from "./workflow-dates";

describe("effective dates entered in the tenant's time zone", () => {
  it("reads a wall-clock time in Berlin, winter and summer", () => {
    expect(instantFromLocalDateTime("2026-12-01T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T08:30:00.000Z");
    expect(instantFromLocalDateTime("2026-07-01T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(instantFromLocalDateTime("2026-12-01T09:30:15", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T08:30:15.000Z");
    expect(instantFromLocalDateTime("2026-12-01T09:30", "UTC")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
  });

  it("refuses text that is no time, and a time the clocks skip", () => {
    for (const value of ["", "2026-12-01", "2026-02-30T10:00", "2026-12-01T24:00", "2026-12-01 09:30", "tomorrow"]) {
      expect(instantFromLocalDateTime(value, "Europe/Berlin"), value).toBeNull();
    }
    expect(instantFromLocalDateTime("2026-03-29T02:30", "Europe/Berlin")).toBeNull();
  });

  it("writes an instant back as the same wall-clock value", () => {
    const at = new Date("2026-12-01T08:30:00Z");
    expect(localDateTimeOf(at, "Europe/Berlin")).toBe("2026-12-01T09:30");
    expect(instantFromLocalDateTime(localDateTimeOf(at, "Europe/Berlin"), "Europe/Berlin")).toEqual(at);
  });
});
