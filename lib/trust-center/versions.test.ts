import { describe, expect, it } from "vitest";
import { certificationStatus } from "./certification-status";
import { trustCenterHref } from "./links";
import { nextVersion, parseVersionNumber, previousVersion, sectionsInLocale, selectComparison, versionTimeline } from "./versions";
import type { PublicSection, PublicVersion } from "./types";

const version = (number: number, effectiveAt: string): PublicVersion => ({
  number, effectiveAt, publishedAt: effectiveAt, changeKind: "EDITORIAL", title: {}, changeSummary: {},
});
const versions = [version(1, "2025-09-01T00:00:00Z"), version(2, "2026-06-01T00:00:00Z"), version(3, "2027-01-01T00:00:00Z")];

describe("versionTimeline", () => {
  it("takes the newest version in effect as current and lists later ones as upcoming", () => {
    const { current, upcoming } = versionTimeline(versions, new Date("2026-11-27T12:00:00Z"));
    expect(current?.number).toBe(2);
    expect(upcoming.map((v) => v.number)).toEqual([3]);
  });
  it("has no current version before the first takes effect", () => {
    const { current, upcoming } = versionTimeline(versions, new Date("2025-01-01T00:00:00Z"));
    expect(current).toBeNull();
    expect(upcoming.map((v) => v.number)).toEqual([1, 2, 3]);
  });
  it("switches exactly at the effective instant", () => {
    expect(versionTimeline(versions, new Date("2026-05-31T23:59:59.999Z")).current?.number).toBe(1);
    expect(versionTimeline(versions, new Date("2026-06-01T00:00:00Z")).current?.number).toBe(2);
  });
  it("finds neighbours", () => {
    expect(previousVersion(versions, 2)?.number).toBe(1);
    expect(previousVersion(versions, 1)).toBeNull();
    expect(nextVersion(versions, 2)?.number).toBe(3);
    expect(nextVersion(versions, 3)).toBeNull();
  });
});

describe("selectComparison", () => {
  it("accepts two published versions in either direction", () => {
    const forward = selectComparison("1", "2", versions);
    expect(forward.ok && [forward.from.number, forward.to.number]).toEqual([1, 2]);
    const backward = selectComparison("2", "1", versions);
    expect(backward.ok && [backward.from.number, backward.to.number]).toEqual([2, 1]);
  });
  it.each([
    [null, "2", "missing"],
    ["1", "", "missing"],
    ["abc", "2", "invalid"],
    ["1", "-2", "invalid"],
    ["01", "2", "invalid"],
    ["1.5", "2", "invalid"],
    ["1", "999", "unknown"],
    ["2", "2", "same"],
  ] as const)("from=%s to=%s is %s", (from, to, problem) => {
    const result = selectComparison(from, to, versions);
    expect(result).toMatchObject({ ok: false, problem });
  });
  it("parses version numbers strictly", () => {
    expect(parseVersionNumber("12")).toBe(12);
    expect(parseVersionNumber("0")).toBeNull();
    expect(parseVersionNumber("1e3")).toBeNull();
    expect(parseVersionNumber("9999999")).toBeNull();
  });
});

describe("sectionsInLocale", () => {
  const section = (locale: string, position: number): PublicSection => ({ key: `k${position}`, locale, position, number: null, title: "", body: "" });
  it("returns the requested locale in order", () => {
    const picked = sectionsInLocale([section("en", 2), section("de", 1), section("en", 1)], "en", "de");
    expect(picked?.locale).toBe("en");
    expect(picked?.fallback).toBe(false);
    expect(picked?.sections.map((s) => s.position)).toEqual([1, 2]);
  });
  it("falls back visibly when the translation is missing", () => {
    const picked = sectionsInLocale([section("de", 1)], "en", "de");
    expect(picked).toMatchObject({ locale: "de", fallback: true });
  });
  it("returns null when there is nothing at all", () => {
    expect(sectionsInLocale([], "en", "de")).toBeNull();
  });
});

describe("certificationStatus", () => {
  const cert = { validUntil: "2026-12-31", suspended: false, withdrawn: false };
  it("derives valid, expiring and expired from the dates", () => {
    expect(certificationStatus(cert, "2026-11-01")).toBe("valid");
    expect(certificationStatus(cert, "2026-12-01")).toBe("expiring");
    expect(certificationStatus(cert, "2026-12-31")).toBe("expiring");
    expect(certificationStatus(cert, "2027-01-01")).toBe("expired");
  });
  it("lets withdrawn and suspended win over the dates", () => {
    expect(certificationStatus({ ...cert, suspended: true }, "2026-01-01")).toBe("suspended");
    expect(certificationStatus({ ...cert, suspended: true, withdrawn: true }, "2026-01-01")).toBe("withdrawn");
  });
});

describe("trustCenterHref", () => {
  it("keeps an explicit language and omits the tenant default", () => {
    expect(trustCenterHref("mpmx", "/measures", "_")).toBe("/mpmx/measures");
    expect(trustCenterHref("mpmx", "/measures", "en")).toBe("/mpmx/measures?lang=en");
    expect(trustCenterHref("mpmx", "/measures/compare", "de", { from: 1, to: 2 })).toBe("/mpmx/measures/compare?from=1&to=2&lang=de");
  });
});
