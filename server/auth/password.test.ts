import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password policy", () => {
  it.each([
    ["short", "elevenchars", "tooShort"],
    ["too long", "x".repeat(129), "tooLong"],
    ["a common password", "qwerty123456", "common"],
    ["a common word with digits appended", "password1234567", "common"],
    ["a repeated character", "aaaaaaaaaaaaaaa", "common"],
    ["the product's name", "my vouchsafe login", "common"],
    ["the email's local part", "xx-jane.doe-2026", "containsEmail"],
  ] as const)("refuses %s", (_label, password, problem) => {
    expect(passwordProblem(password, "jane.doe@example.com")).toBe(problem);
  });

  it.each(["trust-center-demo-2026", "correct horse battery staple", "Grüße aus Köln, 2026!", "密码是一个很长的句子啊啊"])("accepts %j", (password) => {
    expect(passwordProblem(password, "jane.doe@example.com")).toBeNull();
  });

  it("counts characters, not UTF-16 units or bytes", () => {
    expect(passwordProblem("äöüäöüäöüäöü", "x@example.com")).toBeNull();
    expect(passwordProblem("😀😀😀😀😀😀😀😀😀😀😀", "x@example.com")).toBe("tooShort");
  });
});

describe("password hashing", () => {
  it("stores argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
  });

  it("answers false for an account without a password (after the same work)", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });

  it("treats composed and decomposed umlauts as the same password", async () => {
    const hash = await hashPassword("Grüße aus Köln, 2026!");
    expect(await verifyPassword(hash, "Gru\u0308ße aus Ko\u0308ln, 2026!")).toBe(true);
  });
});
