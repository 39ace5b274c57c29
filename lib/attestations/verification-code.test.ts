import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_BITS, generateVerificationCode, isVerificationPath, normalizeVerificationCode, verificationJsonPath } from "./verification-code";

describe("verification codes", () => {
  it("carry at least 80 random bits in four groups of five unambiguous symbols", () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(80);
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
    const code = generateVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  });

  it("map each random byte to one symbol (deterministic for a given source)", () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    expect(generateVerificationCode(() => bytes)).toBe("0DT7M-1EV8N-2FW9P-3GXAQ");
  });

  it("do not repeat across 10,000 draws", () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => generateVerificationCode()));
    expect(codes.size).toBe(10_000);
  });

  it("forgive how they are typed", () => {
    expect(normalizeVerificationCode("0dt7m 1ev8n 2fw9p 3gxaq")).toBe("0DT7M-1EV8N-2FW9P-3GXAQ");
    expect(normalizeVerificationCode("ODT7M-IEV8N-2FW9P-3GXAQ")).toBe("0DT7M-1EV8N-2FW9P-3GXAQ");
    expect(normalizeVerificationCode("0DT7MLEV8N2FW9P3GXAQ")).toBe("0DT7M-1EV8N-2FW9P-3GXAQ");
  });

  it("refuse what cannot be a code", () => {
    for (const input of ["", "ABC", "0DT7M-1EV8N-2FW9P-3GXA", "0DT7M-1EV8N-2FW9P-3GXAQD", "0DT7M-1EV8N-2FW9P-3GXAU", "0DT7M-1EV8N-2FW9P-3GXA%", "x".repeat(100)]) {
      expect(normalizeVerificationCode(input)).toBeNull();
    }
  });
});

describe("verification routing", () => {
  it("serves /verify and below like the signed-in area", () => {
    expect(isVerificationPath("/verify")).toBe(true);
    expect(isVerificationPath("/verify/ABC/check")).toBe(true);
    expect(isVerificationPath("/verifyx")).toBe(false);
    expect(isVerificationPath("/mpmx/verify")).toBe(false);
  });

  it("answers JSON only to a client that prefers it", () => {
    expect(verificationJsonPath("/verify/ABC", "application/json")).toBe("/verify/ABC/json");
    expect(verificationJsonPath("/verify/ABC", "application/json, text/html;q=0.5")).toBe("/verify/ABC/json");
    expect(verificationJsonPath("/verify/ABC", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBeNull();
    expect(verificationJsonPath("/verify/ABC", "text/html, application/json;q=0.9")).toBeNull();
    expect(verificationJsonPath("/verify/ABC", "*/*")).toBeNull();
    expect(verificationJsonPath("/verify/ABC", null)).toBeNull();
    expect(verificationJsonPath("/verify/ABC", "application/json;q=0")).toBeNull();
    expect(verificationJsonPath("/verify", "application/json")).toBeNull();
    expect(verificationJsonPath("/verify/ABC/check", "application/json")).toBeNull();
  });
});
