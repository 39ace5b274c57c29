import { describe, expect, it } from "vitest";
import { appPagePolicy, newNonce, publicPagePolicy } from "./csp";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("appPagePolicy", () => {
  it("allows scripts only with the nonce (and what they load), nothing from other origins", () => {
    expect(appPagePolicy("AAAAAAAAAAAAAAAAAAAAAA==")).toBe(
      "default-src 'self'; script-src 'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA==' 'strict-dynamic'; script-src-attr 'none'; style-src 'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='; " +
        "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("adds upgrade-insecure-requests over https and eval only for the development server", () => {
    const policy = directives(appPagePolicy("AAAAAAAAAAAAAAAAAAAAAA==", { https: true }));
    expect(policy.get("upgrade-insecure-requests")).toBe("");
    expect(policy.get("script-src")).not.toContain("unsafe-eval");
    const dev = directives(appPagePolicy("AAAAAAAAAAAAAAAAAAAAAA==", { development: true }));
    expect(dev.get("script-src")).toBe("'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA==' 'strict-dynamic' 'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it.each(["", "short", "AAAA AAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAA==';script-src *"])("refuses the nonce %j", (nonce) => {
    expect(() => appPagePolicy(nonce)).toThrow("CSP nonce");
  });
});

describe("publicPagePolicy", () => {
  it("names no nonce (cached HTML) and keeps every other directive as strict", () => {
    const policy = directives(publicPagePolicy());
    expect(policy.get("script-src")).toBe("'self' 'unsafe-inline'");
    // Inline <script> elements (Next's RSC payload) run, inline event handlers do not.
    expect(policy.get("script-src-attr")).toBe("'none'");
    expect(policy.get("style-src")).toBe("'self'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("connect-src")).toBe("'self'");
    expect(policy.get("img-src")).toBe("'self' data:");
    expect(publicPagePolicy()).not.toContain("nonce-");
    expect(publicPagePolicy()).not.toContain("strict-dynamic");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(() => appPagePolicy(nonce)).not.toThrow();
    }
  });
});
