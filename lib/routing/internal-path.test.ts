import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { slugProblem } from "../tenants/slug";
import { acceptsActions, internalPath, isRenderedPerRequest } from "./internal-path";

const map = (url: string) => {
  const u = new URL(url, "http://localhost");
  return internalPath(u.pathname, u.searchParams);
};

describe("internalPath", () => {
  it("maps tenant pages onto the locale segment, '_' meaning the tenant's default", () => {
    expect(map("/mpmx")).toBe("/mpmx/_");
    expect(map("/mpmx/measures")).toBe("/mpmx/_/measures");
    expect(map("/mpmx/measures?lang=en")).toBe("/mpmx/en/measures");
    expect(map("/mpmx/measures/v/1?lang=de")).toBe("/mpmx/de/measures/v/1");
    expect(map("/mpmx/feed.xml?lang=fr")).toBe("/mpmx/_/feed.xml");
  });

  it("turns the compare query into path segments, marking missing and invalid values", () => {
    expect(map("/mpmx/measures/compare?from=1&to=2")).toBe("/mpmx/_/measures/compare/1/2");
    expect(map("/mpmx/measures/compare?to=2&from=1&lang=en")).toBe("/mpmx/en/measures/compare/1/2");
    expect(map("/mpmx/measures/compare")).toBe("/mpmx/_/measures/compare/-/-");
    expect(map("/mpmx/measures/compare?from=abc&to=2")).toBe("/mpmx/_/measures/compare/x/2");
    expect(map("/mpmx/measures/compare?from=../../etc&to=%00")).toBe("/mpmx/_/measures/compare/x/x");
    expect(map("/mpmx/measures/compare/1/2")).toBe("/mpmx/_/not-found");
  });

  it("drops every other query parameter, so it cannot create cache entries", () => {
    expect(map("/mpmx/measures?utm_source=x&lang=en")).toBe("/mpmx/en/measures");
  });

  it("serves Vouchsafe's own pages and leaves reserved prefixes alone", () => {
    expect(map("/")).toBe("/site/de");
    expect(map("/?lang=en")).toBe("/site/en");
    expect(map("/about?lang=en")).toBe("/site/en/about");
    expect(map("/about/does-not-exist")).toBe("/site/de/about/does-not-exist");
    expect(map("/api/v1/openapi.json")).toBeNull();
    expect(map("/verify/abc")).toBeNull();
    expect(map("/site/de")).toBeNull();
  });

  it("keeps percent-encoded segments encoded exactly once", () => {
    expect(map("/mpmx/a%20b")).toBe("/mpmx/_/a%20b");
  });
});

describe("isRenderedPerRequest", () => {
  it("names the confirmation and unsubscribe pages, and no cached page", () => {
    expect(isRenderedPerRequest(map("/mpmx/unsubscribe/abc123")!)).toBe(true);
    expect(isRenderedPerRequest(map("/mpmx/subscribe/confirm/abc123?lang=en")!)).toBe(true);
    for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/subscribe", "/mpmx/unsubscribe", "/mpmx/unsubscribe/a/b", "/mpmx/subscribe/confirm", "/mpmx/measures/v/2", "/mpmx/measures/compare?from=1&to=2", "/mpmx/confirm/subscribe/x"]) {
      expect(isRenderedPerRequest(map(url)!), url).toBe(false);
    }
  });

  it("agrees with the public pages that declare dynamic = force-dynamic", () => {
    const root = path.resolve("app/[tenant]/[lang]");
    const dynamicPages = (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[])
      .filter((file) => file.endsWith("page.tsx") && /export const dynamic = "force-dynamic"/.test(readFileSync(path.join(root, file), "utf8")))
      .map((file) => path.dirname(file).split(path.sep));
    expect(dynamicPages.map((segments) => segments.join("/")).sort()).toEqual(["subscribe/confirm/[token]", "unsubscribe/[token]"]);
    for (const segments of dynamicPages) {
      // A sample internal path of the page: each [param] becomes a value.
      const internal = ["", "mpmx", "de", ...segments.map((segment) => (segment.startsWith("[") ? "value" : segment))].join("/");
      expect(isRenderedPerRequest(internal), internal).toBe(true);
    }
  });
});

describe("acceptsActions", () => {
  it("names the subscription form and the per-request pages, no other page", () => {
    for (const url of ["/mpmx/subscribe", "/mpmx/subscribe?lang=en", "/mpmx/unsubscribe/abc123", "/mpmx/subscribe/confirm/abc123"]) {
      expect(acceptsActions(map(url)!), url).toBe(true);
    }
    for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/measures/v/2", "/mpmx/measures/compare?from=1&to=2", "/mpmx/certifications", "/mpmx/subscribe/x", "/mpmx/unknown", "/about", "/"]) {
      expect(acceptsActions(map(url)!), url).toBe(false);
    }
  });

  it("agrees with the public pages that post server actions", () => {
    const root = path.resolve("app/[tenant]/[lang]");
    const pages = (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).filter((file) => file.endsWith("page.tsx"));
    const withActions = pages.filter((file) => /from "[^"]*\/actions"/.test(readFileSync(path.join(root, file), "utf8"))).map((file) => path.dirname(file));
    expect(withActions.sort()).toEqual(["subscribe", "subscribe/confirm/[token]", "unsubscribe/[token]"]);
    for (const file of pages) {
      const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
      // A sample internal path of the page: each [param] becomes a value.
      const internal = ["", "mpmx", "de", ...segments.map((segment) => (segment.startsWith("[") ? "value" : segment))].join("/");
      expect(acceptsActions(internal), internal).toBe(withActions.includes(path.dirname(file)));
    }
  });
});

describe("slugProblem", () => {
  it("reserves top-level route names and enforces the slug format", () => {
    expect(slugProblem("mpmx")).toBeNull();
    expect(slugProblem("nordlicht-analytics")).toBeNull();
    expect(slugProblem("api")).toBe("reserved");
    expect(slugProblem("verify")).toBe("reserved");
    expect(slugProblem("admin")).toBe("reserved");
    expect(slugProblem("Mpmx")).toBe("format");
    expect(slugProblem("-x")).toBe("format");
    expect(slugProblem("a--b")).toBe("format");
    expect(slugProblem("x".repeat(41))).toBe("format");
    expect(slugProblem("")).toBe("format");
  });
});
