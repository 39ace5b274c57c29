import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/mpmx/admin")).toBe("/mpmx/admin");
    expect(safeRedirectPath("/account?tab=security#mfa")).toBe("/account?tab=security#mfa");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "mpmx/admin",
    "/%0d%0aSet-Cookie:x",
    "/a\u0000b",
    "",
    "/".padEnd(600, "a"),
  ])("falls back for %j", (input) => {
    const result = safeRedirectPath(input);
    // Percent-encoded CR/LF stays encoded inside the path, which is harmless; everything else falls back.
    if (input === "/%0d%0aSet-Cookie:x") expect(result).toBe("/%0d%0aSet-Cookie:x");
    else expect(result).toBe("/account");
  });

  it("falls back for non-strings", () => {
    expect(safeRedirectPath(undefined, "/signin")).toBe("/signin");
    expect(safeRedirectPath(["/a"], "/signin")).toBe("/signin");
  });
});
