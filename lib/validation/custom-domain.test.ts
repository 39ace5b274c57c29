import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { checkCustomDomain, customDomainSchema, normalizeCustomDomain } from "./custom-domain";

const APP_HOST = "vouchsafe.example";
const schema = customDomainSchema({ appHost: APP_HOST });
const parse = (domain: string) => {
  const data = new FormData();
  data.set("domain", domain);
  return parseForm(schema, data);
};

describe("customDomainSchema", () => {
  it.each([
    ["trust.mpmx.example", "trust.mpmx.example"],
    ["  Trust.MPMX.Example.  ", "trust.mpmx.example"],
    ["müller.example", "xn--mller-kva.example"],
    ["TRUST.MÜLLER.example", "trust.xn--mller-kva.example"],
    ["xn--mller-kva.example", "xn--mller-kva.example"],
    ["trust.nordlicht.localhost", "trust.nordlicht.localhost"],
    // A subdomain of the app's host is another host: a tenant may use it.
    ["mpmx.vouchsafe.example", "mpmx.vouchsafe.example"],
    [`${"a".repeat(63)}.example`, `${"a".repeat(63)}.example`],
  ])("accepts %j as %j", (input, stored) => {
    expect(parse(input)).toEqual({ ok: true, data: { domain: stored } });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["localhost", "customDomain.invalid"],
    ["example", "customDomain.invalid"],
    ["https://trust.mpmx.example", "customDomain.invalid"],
    ["trust.mpmx.example/", "customDomain.invalid"],
    ["trust.mpmx.example:443", "customDomain.invalid"],
    ["*.mpmx.example", "customDomain.invalid"],
    ["trust mpmx.example", "customDomain.invalid"],
    ["trust_x.mpmx.example", "customDomain.invalid"],
    ["-trust.mpmx.example", "customDomain.invalid"],
    ["trust..mpmx.example", "customDomain.invalid"],
    ["admin@mpmx.example", "customDomain.invalid"],
    ["xn--zz.example", "customDomain.invalid"],
    [`${"a".repeat(64)}.example`, "customDomain.invalid"],
    // 252 characters typed, 497 in punycode: over the 253 a DNS name may have.
    [`${"müller.".repeat(35)}example`, "customDomain.invalid"],
    [`${"a".repeat(254)}`, "tooLong:253"],
    ["192.168.0.1", "customDomain.ipAddress"],
    ["0x7f.1", "customDomain.ipAddress"],
    ["[::1]", "customDomain.ipAddress"],
    ["vouchsafe.example", "customDomain.appHost"],
    ["VOUCHSAFE.example.", "customDomain.appHost"],
  ])("refuses %j with %j", (input, message) => {
    expect(parse(input)).toEqual({ ok: false, fieldErrors: { domain: [message] } });
  });

  it("refuses a missing field", () => {
    expect(parseForm(schema, new FormData())).toEqual({ ok: false, fieldErrors: { domain: ["required"] } });
  });
});

describe("normalizeCustomDomain and checkCustomDomain", () => {
  it("normalize the way the proxy looks a Host header up", () => {
    expect(normalizeCustomDomain("Trust.Example.COM.")).toBe("trust.example.com");
    expect(normalizeCustomDomain("bücher.example")).toBe("xn--bcher-kva.example");
    expect(normalizeCustomDomain("trust.example.com/admin")).toBeNull();
    expect(normalizeCustomDomain("")).toBeNull();
  });

  it("compare against the app's host case-insensitively, and only exactly", () => {
    expect(checkCustomDomain("vouchsafe.example", "Vouchsafe.Example")).toEqual({ ok: false, problem: "appHost" });
    expect(checkCustomDomain("www.vouchsafe.example", "vouchsafe.example")).toEqual({ ok: true, domain: "www.vouchsafe.example" });
    // With APP_ORIGIN on localhost, "localhost" is still refused as no domain at all.
    expect(checkCustomDomain("localhost", "localhost")).toEqual({ ok: false, problem: "invalid" });
    expect(checkCustomDomain("trust.nordlicht.localhost", "127.0.0.1")).toEqual({ ok: true, domain: "trust.nordlicht.localhost" });
    expect(checkCustomDomain("2001:db8::1", "vouchsafe.example")).toEqual({ ok: false, problem: "ipAddress" });
  });
});
