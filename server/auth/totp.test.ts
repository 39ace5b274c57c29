import { describe, expect, it } from "vitest";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpCode, totpUri } from "./totp";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const at = Date.UTC(2026, 10, 28, 8, 0, 15);
const step = Math.floor(at / 30_000);

describe("TOTP", () => {
  it("accepts the current code and one step of drift either way, returning its time step", () => {
    expect(matchTotp(SECRET, totpCode(SECRET, at), at)).toBe(step);
    expect(matchTotp(SECRET, totpCode(SECRET, at - 30_000), at)).toBe(step - 1);
    expect(matchTotp(SECRET, totpCode(SECRET, at + 30_000), at)).toBe(step + 1);
  });

  it("refuses codes two steps away, malformed codes and another secret's code", () => {
    expect(matchTotp(SECRET, totpCode(SECRET, at - 60_000), at)).toBeNull();
    expect(matchTotp(SECRET, "12345", at)).toBeNull();
    expect(matchTotp(SECRET, "12345a", at)).toBeNull();
    expect(matchTotp(SECRET, totpCode(newTotpSecret(), at), at)).toBeNull();
  });

  it("builds an otpauth URI for authenticator apps", () => {
    expect(totpUri(SECRET, "owner@mpmx.example")).toBe(`otpauth://totp/Vouchsafe:owner%40mpmx.example?issuer=Vouchsafe&secret=${SECRET}&algorithm=SHA1&digits=6&period=30`);
  });

  it("creates 160-bit secrets", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe("recovery codes", () => {
  it("creates ten distinct codes in groups of four", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it("matches a code however it is typed", () => {
    expect(normalizeRecoveryCode(" K7M2 Q9XD 4HPT ")).toBe("k7m2-q9xd-4hpt");
    expect(hashRecoveryCode("K7M2Q9XD4HPT")).toBe(hashRecoveryCode("k7m2-q9xd-4hpt"));
    expect(normalizeRecoveryCode("k7m2-q9xd")).toBe("");
  });
});
