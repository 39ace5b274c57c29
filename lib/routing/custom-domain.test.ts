import { describe, expect, it } from "vitest";
import { customDomainRoute, mainOriginUrl } from "./custom-domain";
import { internalPath } from "./internal-path";

/** What a request on MPMX's custom domain is served as: the internal page, or a redirect target. */
function served(url: string) {
  // Split by hand: new URL("//evil.example/admin", base) would read a host out of the path.
  const [pathname = "", query = ""] = url.split("?");
  const route = customDomainRoute("mpmx", pathname);
  if (route.kind === "main-origin") return `redirect ${mainOriginUrl("https://vouchsafe.example", route.pathname, query ? `?${query}` : "")}`;
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

  it("sends the signed-in area and Vouchsafe-wide pages to the main origin", () => {
    expect(served("/admin")).toBe("redirect https://vouchsafe.example/mpmx/admin");
    expect(served("/admin/members?page=2")).toBe("redirect https://vouchsafe.example/mpmx/admin/members?page=2");
    expect(served("/mpmx/admin/audit")).toBe("redirect https://vouchsafe.example/mpmx/admin/audit");
    expect(served("/signin")).toBe("redirect https://vouchsafe.example/signin");
    expect(served("/account/security")).toBe("redirect https://vouchsafe.example/account/security");
    expect(served("/mailbox")).toBe("redirect https://vouchsafe.example/mailbox");
    expect(served("/invitations/abc")).toBe("redirect https://vouchsafe.example/invitations/abc");
    expect(served("/new")).toBe("redirect https://vouchsafe.example/new");
    expect(served("/verify/ABC-123")).toBe("redirect https://vouchsafe.example/verify/ABC-123");
  });

  it("keeps the redirect on the main origin whatever the path looks like", () => {
    expect(served("//evil.example/admin")).toBe("/mpmx/_/evil.example/admin");
    expect(served("//signin")).toBe("redirect https://vouchsafe.example/signin");
    expect(served("/signin/%2F%2Fevil.example")).toBe("redirect https://vouchsafe.example/signin/%2F%2Fevil.example");
    expect(served("/admin/..%2F..%2Fevil")).toBe("redirect https://vouchsafe.example/mpmx/admin/..%2F..%2Fevil");
    expect(mainOriginUrl("https://vouchsafe.example", "//evil.example/x")).toBe("https://vouchsafe.example//evil.example/x");
  });
});
