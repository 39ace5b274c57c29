import { describe, expect, it } from "vitest";
import { emailDomain, qualifiesForAutoApproval } from "./auto-approval";

describe("qualifiesForAutoApproval", () => {
  const allow = ["example.com", "Partner.EXAMPLE.org."];

  it("approves an address of an allow-listed domain, in any case", () => {
    expect(qualifiesForAutoApproval("anna@example.com", allow)).toBe(true);
    expect(qualifiesForAutoApproval("Anna@EXAMPLE.COM", allow)).toBe(true);
    expect(qualifiesForAutoApproval("bob@partner.example.org", allow)).toBe(true);
  });

  it("refuses look-alike and embedding domains", () => {
    for (const email of [
      "eve@evil-example.com",
      "eve@example.com.evil.org",
      "eve@examplecom",
      "eve@example.co",
      "eve@xexample.com",
      "eve@mail.example.com",
      "eve@example.com@evil.org",
      "eve@evil.org?@example.com",
      "example.com@evil.org",
      "eve@",
      "@example.com",
      "eve",
    ]) {
      expect(qualifiesForAutoApproval(email, allow), email).toBe(false);
    }
  });

  it("never approves a free-mail domain, even when a tenant lists it", () => {
    expect(qualifiesForAutoApproval("someone@gmail.com", ["gmail.com"])).toBe(false);
    expect(qualifiesForAutoApproval("someone@GMX.de", ["gmx.de", "example.com"])).toBe(false);
    expect(qualifiesForAutoApproval("someone@web.de", ["web.de"])).toBe(false);
  });

  it("approves nothing with an empty list or empty entries", () => {
    expect(qualifiesForAutoApproval("anna@example.com", [])).toBe(false);
    expect(qualifiesForAutoApproval("anna@example.com", ["", " ", "."])).toBe(false);
  });

  it("reads the domain of an address with exactly one @", () => {
    expect(emailDomain("anna@Example.COM.")).toBe("example.com");
    expect(emailDomain("a@b@example.com")).toBeNull();
    expect(emailDomain("nobody")).toBeNull();
  });
});
