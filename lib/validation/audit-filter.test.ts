import { describe, expect, it } from "vitest";
import { isCalendarDay, nextDay, pageNumber, parseAuditFilter } from "./audit-filter";

describe("audit filter", () => {
  it("accepts an empty form as no filter", () => {
    expect(parseAuditFilter({ actor: "", action: "  ", from: "", to: "" })).toEqual({ ok: true, filter: {}, values: { actor: "", action: "  ", from: "", to: "" } });
    expect(parseAuditFilter({})).toEqual({ ok: true, filter: {}, values: {} });
  });

  it("keeps valid values, trims, lower-cases the actor and takes the first of repeated values", () => {
    expect(parseAuditFilter({ actor: " Anna@Example.com ", action: "member.", from: "2026-06-01", to: ["2026-06-30", "2027-01-01"] })).toMatchObject({
      ok: true,
      filter: { actor: "anna@example.com", action: "member.", from: "2026-06-01", to: "2026-06-30" },
    });
    expect(parseAuditFilter({ action: "auth.signin.succeeded" })).toMatchObject({ ok: true, filter: { action: "auth.signin.succeeded" } });
  });

  it("answers each bad field with its error code and keeps the input", () => {
    const result = parseAuditFilter({ actor: "a".repeat(255), action: "Member.*", from: "2026-02-30", to: "1.6.2026" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { actor: ["tooLong:254"], action: ["action"], from: ["date"], to: ["date"] },
      values: { actor: "a".repeat(255), action: "Member.*", from: "2026-02-30", to: "1.6.2026" },
    });
    expect(parseAuditFilter({ actor: "x\u0000y", action: "'; DROP TABLE audit_events; --" })).toMatchObject({
      ok: false,
      fieldErrors: { actor: ["invalidCharacters"], action: ["action"] },
    });
    expect(parseAuditFilter({ action: `a${".b".repeat(60)}` })).toMatchObject({ ok: false, fieldErrors: { action: ["tooLong:100"] } });
  });

  it("refuses a date range that ends before it starts, on the 'to' field", () => {
    expect(parseAuditFilter({ from: "2026-06-02", to: "2026-06-01" })).toMatchObject({ ok: false, fieldErrors: { to: ["dateOrder"] } });
    expect(parseAuditFilter({ from: "2026-06-01", to: "2026-06-01" })).toMatchObject({ ok: true });
  });

  it("knows calendar days, the next day and page numbers", () => {
    expect([isCalendarDay("2028-02-29"), isCalendarDay("2026-02-29"), isCalendarDay("1999-12-31"), isCalendarDay("2026-6-1")]).toEqual([true, false, false, false]);
    expect([nextDay("2026-12-31"), nextDay("2028-02-28"), nextDay("2026-03-29")]).toEqual(["2027-01-01", "2028-02-29", "2026-03-30"]);
    expect([pageNumber("3"), pageNumber("0"), pageNumber("-1"), pageNumber("1e3"), pageNumber(undefined), pageNumber("9999999")]).toEqual([3, 1, 1, 1, 1, 1]);
  });
});
