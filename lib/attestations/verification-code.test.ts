import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_BITS, generateVerificationCode, normalizeVerificationCode } from "./verification-code";

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
