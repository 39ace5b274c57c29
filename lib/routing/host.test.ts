import { describe, expect, it } from "vitest";
import { isValidCustomDomain, normalizeHost } from "./host";

describe("normalizeHost", () => {
  it("lower-cases and strips the port and a trailing dot", () => {
    expect(normalizeHost("trust.mpmx.localhost")).toBe("trust.mpmx.localhost");
    expect(normalizeHost("Trust.MPMX.localhost:3303")).toBe("trust.mpmx.localhost");
    expect(normalizeHost("trust.mpmx.example.:443")).toBe("trust.mpmx.example");
    expect(normalizeHost(" localhost:3000 ")).toBe("localhost");
    expect(normalizeHost("127.0.0.1:3303")).toBe("127.0.0.1");
  });

  it.each([null, undefined, "", ":3000", "[::1]:3000", "user@trust.mpmx.example", "trust.mpmx.example/admin", "trust..mpmx.example",
    "-trust.example", "trust-.example", "trust_mpmx.example", "trüst.example", "a b.example", "trust.mpmx.example:port", `${"a".repeat(64)}.example`,
    `${"a.".repeat(127)}a`, "x".repeat(300)])("refuses %j", (raw) => {
    expect(normalizeHost(raw)).toBeNull();
  });
});

describe("isValidCustomDomain", () => {
  it("accepts DNS names with at least two labels other than the app's own host", () => {
    expect(isValidCustomDomain("trust.mpmx.example", "vouchsafe.example")).toBe(true);
    expect(isValidCustomDomain("trust.mpmx.localhost", "127.0.0.1")).toBe(true);
    expect(isValidCustomDomain("vouchsafe.example", "vouchsafe.example")).toBe(false);
    expect(isValidCustomDomain("localhost", "vouchsafe.example")).toBe(false);
    expect(isValidCustomDomain("10.0.0.1", "vouchsafe.example")).toBe(false);
    expect(isValidCustomDomain("Trust.MPMX.example", "vouchsafe.example")).toBe(false);
    expect(isValidCustomDomain("trust.mpmx.example:443", "vouchsafe.example")).toBe(false);
  });
});
