import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { emailDomain, isEmailDomainAllowed, issuerProblem, normalizeDomain, ssoSettingsSchema } from "./sso";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const VALID = { issuer: "https://login.example.com", clientId: "vouchsafe", clientSecret: "s3cret", emailDomains: "example.com" };
const production = ssoSettingsSchema({ allowInsecureLoopback: false });
const development = ssoSettingsSchema({ allowInsecureLoopback: true });

describe("normalizeDomain", () => {
  it.each([
    ["Example.COM", "example.com"],
    ["@example.com", "example.com"],
    [" sub.example.co.uk ", "sub.example.co.uk"],
    ["example.com.", "example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
  ])("%s → %s", (raw, expected) => expect(normalizeDomain(raw)).toBe(expected));

  it.each(["", "localhost", "example", "*.example.com", "exa mple.com", "-bad.example.com", "bad-.example.com", "a..b.com", "10.0.0.1", "user@example.com", "example.com/path", "example.com:443", "[::1]", "exa\u0000mple.com", `${"a".repeat(64)}.com`, "example.c0m"])(
    "refuses %j",
    (raw) => expect(normalizeDomain(raw)).toBeNull(),
  );
});

describe("the email-domain rule", () => {
  const allowed = ["kunde.example", "xn--bcher-kva.example"];

  it("admits an address in a listed domain, whatever its case", () => {
    expect(isEmailDomainAllowed("anna@kunde.example", allowed)).toBe(true);
    expect(isEmailDomainAllowed("Anna@KUNDE.Example", allowed)).toBe(true);
    expect(isEmailDomainAllowed("leser@bücher.example", allowed)).toBe(true);
  });

  it("refuses other domains, subdomains, parent domains and look-alikes", () => {
    expect(isEmailDomainAllowed("eve@other.example", allowed)).toBe(false);
    expect(isEmailDomainAllowed("eve@eu.kunde.example", allowed)).toBe(false);
    expect(isEmailDomainAllowed("eve@example", allowed)).toBe(false);
    expect(isEmailDomainAllowed("eve@kunde.example.evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("eve@evilkunde.example", allowed)).toBe(false);
    expect(isEmailDomainAllowed("kunde.example@evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("eve@kunde.example@evil.test", allowed)).toBe(false);
  });

  it("refuses addresses without a usable domain, and everything when no domain is listed", () => {
    expect(isEmailDomainAllowed("", allowed)).toBe(false);
    expect(isEmailDomainAllowed("anna@", allowed)).toBe(false);
    expect(isEmailDomainAllowed("@kunde.example", allowed)).toBe(false);
    expect(isEmailDomainAllowed("anna@kunde.example", [])).toBe(false);
    expect(emailDomain("no-at-sign")).toBeNull();
  });
});

describe("issuer URLs", () => {
  it("accepts https everywhere and loopback http only outside production", () => {
    expect(issuerProblem("https://login.example.com/realms/customers", false)).toBeNull();
    expect(issuerProblem("http://127.0.0.1:3399", true)).toBeNull();
    expect(issuerProblem("http://localhost:8080/realms/x", true)).toBeNull();
    expect(issuerProblem("http://127.0.0.1:3399", false)).toBe("sso.issuerHttps");
    expect(issuerProblem("http://login.example.com", true)).toBe("sso.issuerHttpsOrLoopback");
  });

  it.each(["login.example.com", "ftp://login.example.com", "javascript:alert(1)", "https://user:pw@login.example.com", "https://login.example.com/?tenant=1", "https://login.example.com/#x", "https://"])(
    "refuses %j",
    (value) => expect(issuerProblem(value, true)).toMatch(/^sso\.issuer/),
  );
});

describe("ssoSettingsSchema", () => {
  it("parses a complete form: issuer without trailing slash, domains normalized and de-duplicated", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: " https://login.example.com/ ", emailDomains: "Example.com, kunde.example\n@example.com;bücher.example" }));
    expect(parsed).toEqual({
      ok: true,
      data: { issuer: "https://login.example.com", clientId: "vouchsafe", clientSecret: "s3cret", emailDomains: ["example.com", "kunde.example", "xn--bcher-kva.example"] },
    });
  });

  it("keeps an issuer path as entered and reads a blank secret as 'keep the stored one'", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: "https://login.example.com/realms/kunden/", clientSecret: "   " }));
    expect(parsed.ok && parsed.data).toMatchObject({ issuer: "https://login.example.com/realms/kunden/", clientSecret: null });
    const missing = parseForm(production, form({ issuer: VALID.issuer, clientId: "x", emailDomains: "example.com" }));
    expect(missing.ok && missing.data.clientSecret).toBeNull();
  });

  it("answers empty fields with one 'required' each", () => {
    const parsed = parseForm(production, form({ issuer: "", clientId: "", clientSecret: "", emailDomains: "" }));
    expect(parsed).toEqual({ ok: false, fieldErrors: { issuer: ["required"], clientId: ["required"], emailDomains: ["sso.domainsRequired"] } });
  });

  it("names the problem of each bad field", () => {
    const parsed = parseForm(
      production,
      form({ issuer: "http://127.0.0.1:3399", clientId: "a\u0007b", clientSecret: "x".repeat(1025), emailDomains: "example.com, not a domain" }),
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { issuer: ["sso.issuerHttps"], clientId: ["invalidCharacters"], clientSecret: ["tooLong:1024"], emailDomains: ["sso.domain"] },
    });
  });

  it("allows the local test provider only outside production", () => {
    expect(parseForm(development, form({ ...VALID, issuer: "http://127.0.0.1:3399" })).ok).toBe(true);
    expect(parseForm(production, form({ ...VALID, issuer: "http://127.0.0.1:3399" })).ok).toBe(false);
  });

  it("refuses too long values and too many domains", () => {
    const many = Array.from({ length: 51 }, (_, i) => `d${i}.example`).join(",");
    expect(parseForm(production, form({ ...VALID, emailDomains: many }))).toEqual({ ok: false, fieldErrors: { emailDomains: ["sso.domainsTooMany"] } });
    expect(parseForm(production, form({ ...VALID, issuer: `https://login.example.com/${"a".repeat(500)}` }))).toEqual({ ok: false, fieldErrors: { issuer: ["tooLong:500"] } });
    expect(parseForm(production, form({ ...VALID, clientId: "x".repeat(256) }))).toEqual({ ok: false, fieldErrors: { clientId: ["tooLong:255"] } });
  });

  it("treats injection strings as data: they fail the format rules, never reach a query unparsed", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: "https://x.example/'; DROP TABLE tenants;--", emailDomains: "<script>alert(1)</script>" }));
    expect(parsed).toEqual({ ok: false, fieldErrors: { issuer: ["sso.issuerUrl"], emailDomains: ["sso.domain"] } });
  });
});
