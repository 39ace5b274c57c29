import { describe, expect, it } from "vitest";
import { customDomainRoute } from "./custom-domain";
import { internalPath } from "./internal-path";

/** What a request on MPMX's custom domain is served as: the internal page, or "main origin only" (a 404 there). */
function served(url: string) {
  // Split by hand: new URL("//evil.example/admin", base) would read a host out of the path.
  const [pathname = "", query = ""] = url.split("?");
  const route = customDomainRoute("mpmx", pathname);
  if (route.kind === "main-origin-only") return "main origin only";
  return internalPath(route.pathname, new URLSearchParams(query));
}

describe("customDomainRoute", () => {
  it("serves the tenant's public pages at the root", () => {
    expect(served("/")).toBe("/mpmx/_");
    expect(served("/measures?lang=en")).toBe("/mpmx/en/measures");
    expect(served("/measures/versions")).toBe("/mpmx/_/measures/versions");
    expect(served("/measures/v/1?lang=de")).toBe("/mpmx/de/measures/v/1");
    expect(served("/measures/compare?from=1&to=2")).toBe("/mpmx/_/measures/compare/1/2");
    expect(served("/certifications")).toBe("/mpmx/_/certifications");
    expect(served("/feed.xml")).toBe("/mpmx/_/feed.xml");
  });

  it("also serves the /{slug}/… links the cached pages contain", () => {
    expect(served("/mpmx")).toBe("/mpmx/_");
    expect(served("/mpmx/measures?lang=en")).toBe("/mpmx/en/measures");
    expect(served("/mpmx/measures/compare?from=1&to=2")).toBe("/mpmx/_/measures/compare/1/2");
    expect(served("/mpmx/feed.xml")).toBe("/mpmx/_/feed.xml");
  });

  it("never shows another tenant's or Vouchsafe's own pages on a tenant's domain", () => {
    expect(served("/nordlicht")).toBe("/mpmx/_/nordlicht");
    expect(served("/nordlicht/measures")).toBe("/mpmx/_/nordlicht/measures");
    expect(served("/nordlicht/admin")).toBe("/mpmx/_/nordlicht/admin");
    expect(served("/about")).toBe("/mpmx/_/about");
    expect(served("/site/de")).toBe("/mpmx/_/site/de");
    expect(served("/api/v1/openapi.json")).toBe("/mpmx/_/api/v1/openapi.json");
  });

  it("keeps the signed-in area and Vouchsafe-wide pages off the custom domain", () => {
    for (const path of ["/admin", "/admin/members?page=2", "/mpmx/admin/audit", "/signin", "/signin/staff?next=/x", "/account/security", "/mailbox",
      "/invitations/abc", "/new", "/verify/ABC-123", "//signin", "/attestations/new", "/mpmx/attestations/nda"]) {
      expect(served(path), path).toBe("main origin only");
    }
  });

  it("does not read a host out of the path", () => {
    expect(served("//evil.example/admin")).toBe("/mpmx/_/evil.example/admin");
    expect(served("/%2F%2Fevil.example/measures")).toBe("/mpmx/_/%2F%2Fevil.example/measures");
  });
});
