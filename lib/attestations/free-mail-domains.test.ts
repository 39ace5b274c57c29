import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FREE_MAIL_DOMAINS, isFreeMailDomain } from "./free-mail-domains";

describe("free-mail domains", () => {
  it("lists a few hundred well-formed, distinct domains", () => {
    expect(FREE_MAIL_DOMAINS.size).toBe(404);
    const listed = [...readFileSync(new URL("./free-mail-domains.ts", import.meta.url), "utf8").matchAll(/"([a-z0-9.-]+\.[a-z]{2,})"/g)].map((m) => m[1]);
    expect(listed).toHaveLength(FREE_MAIL_DOMAINS.size);
    for (const domain of FREE_MAIL_DOMAINS) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it("matches the exact domain, case-insensitively and without a trailing dot, never a company or a subdomain", () => {
    for (const domain of ["gmail.com", "GMX.de", "web.de.", "t-online.de", "outlook.com", "icloud.com", "proton.me", "yahoo.co.uk", "mailinator.com"]) expect(isFreeMailDomain(domain)).toBe(true);
    for (const domain of ["google.com", "mpmx.example", "example.com", "mail.gmail.com", "sap.com", "gmail.com.evil.example"]) expect(isFreeMailDomain(domain)).toBe(false);
  });
});
