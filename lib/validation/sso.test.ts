import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { emailDomain, issuerProblem, listedDomainOf, normalizeDomain, ssoDomainSchema, ssoSettingsSchema } from "./sso";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const VALID = { issuer: "https://login.example.com", clientId: "vouchsafe", clientSecret: "s3cret" };
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
  const listed = [
    { domain: "kunde.example", verified: true },
    { domain: "xn--bcher-kva.example", verified: false },
  ];
  const allowed = (email: string, domains: readonly { domain: string }[] = listed) => listedDomainOf(email, domains)?.domain ?? null;

  it("finds the listed domain of an address, whatever its case", () => {
    expect(listedDomainOf("anna@kunde.example", listed)).toBe(listed[0]);
    expect(allowed("Anna@KUNDE.Example")).toBe("kunde.example");
    expect(listedDomainOf("leser@bücher.example", listed)).toBe(listed[1]);
  });

  it("finds none for other domains, subdomains, parent domains and look-alikes", () => {
    for (const email of ["eve@other.example", "eve@eu.kunde.example", "eve@example", "eve@kunde.example.evil.test", "eve@evilkunde.example", "kunde.example@evil.test", "eve@kunde.example@evil.test"]) {
      expect(allowed(email), email).toBeNull();
    }
  });

  it("finds none for addresses without a usable domain, nor when no domain is listed", () => {
    expect(allowed("")).toBeNull();
    expect(allowed("anna@")).toBeNull();
    expect(allowed("@kunde.example")).toBeNull();
    expect(allowed("anna@kunde.example", [])).toBeNull();
    expect(emailDomain("no-at-sign")).toBeNull();
  });
});

describe("ssoDomainSchema", () => {
  it("normalizes the domain", () => {
    expect(parseForm(ssoDomainSchema, form({ domain: " @Bücher.Example. " }))).toEqual({ ok: true, data: { domain: "xn--bcher-kva.example" } });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["not a domain", "sso.domain"],
    ["anna@kunde.example", "sso.domain"],
    ["*.kunde.example", "sso.domain"],
    ["10.0.0.1", "sso.domain"],
    ["<script>alert(1)</script>", "sso.domain"],
    [`${"a".repeat(250)}.example`, "tooLong:254"],
  ])("refuses %j with %s", (domain, message) => {
    expect(parseForm(ssoDomainSchema, form({ domain }))).toEqual({ ok: false, fieldErrors: { domain: [message] } });
  });

  it("refuses free-mail domains, whatever their case", () => {
    for (const domain of ["gmail.com", "GMX.de", "outlook.com.", "web.de"]) {
      expect(parseForm(ssoDomainSchema, form({ domain })), domain).toEqual({ ok: false, fieldErrors: { domain: ["sso.domainFreeMail"] } });
    }
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
  it("parses a complete form: the issuer without trailing slash", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: " https://login.example.com/ " }));
    expect(parsed).toEqual({ ok: true, data: { issuer: "https://login.example.com", clientId: "vouchsafe", clientSecret: "s3cret" } });
  });

  it("keeps an issuer path as entered and reads a blank secret as 'keep the stored one'", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: "https://login.example.com/realms/kunden/", clientSecret: "   " }));
    expect(parsed.ok && parsed.data).toMatchObject({ issuer: "https://login.example.com/realms/kunden/", clientSecret: null });
    const missing = parseForm(production, form({ issuer: VALID.issuer, clientId: "x" }));
    expect(missing.ok && missing.data.clientSecret).toBeNull();
  });

  it("answers empty fields with one 'required' each", () => {
    const parsed = parseForm(production, form({ issuer: "", clientId: "", clientSecret: "" }));
    expect(parsed).toEqual({ ok: false, fieldErrors: { issuer: ["required"], clientId: ["required"] } });
  });

  it("names the problem of each bad field", () => {
    const parsed = parseForm(
      production,
      form({ issuer: "http://127.0.0.1:3399", clientId: "a\u0007b", clientSecret: "x".repeat(1025) }),
    );
    expect(parsed).toEqual({ ok: false, fieldErrors: { issuer: ["sso.issuerHttps"], clientId: ["invalidCharacters"], clientSecret: ["tooLong:1024"] } });
  });

  it("allows the local test provider only outside production", () => {
    expect(parseForm(development, form({ ...VALID, issuer: "http://127.0.0.1:3399" })).ok).toBe(true);
    expect(parseForm(production, form({ ...VALID, issuer: "http://127.0.0.1:3399" })).ok).toBe(false);
  });

  it("refuses too long values", () => {
    expect(parseForm(production, form({ ...VALID, issuer: `https://login.example.com/${"a".repeat(500)}` }))).toEqual({ ok: false, fieldErrors: { issuer: ["tooLong:500"] } });
    expect(parseForm(production, form({ ...VALID, clientId: "x".repeat(256) }))).toEqual({ ok: false, fieldErrors: { clientId: ["tooLong:255"] } });
  });

  it("treats injection strings as data: they fail the format rules, never reach a query unparsed", () => {
    const parsed = parseForm(production, form({ ...VALID, issuer: "https://x.example/'; DROP TABLE tenants;--" }));
    expect(parsed).toEqual({ ok: false, fieldErrors: { issuer: ["sso.issuerUrl"] } });
  });
});
