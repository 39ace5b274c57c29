import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Only Next's cache API is observed: what the route asks it to drop.
const revalidateTag = vi.fn();
vi.mock("next/cache", () => ({ revalidateTag: (...args: unknown[]) => revalidateTag(...args) }));

import { POST } from "@/app/api/internal/revalidate/route";
import { closeDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { newRevalidationRequest, SIGNATURE_HEADER } from "./revalidate-signature";

connectTestDatabase({ role: "app" });
afterAll(closeDb);
beforeEach(() => revalidateTag.mockClear());

const ORIGIN = "http://localhost:3000";
function post(body: unknown, signature: string | null, headers: Record<string, string> = { origin: ORIGIN }) {
  return POST(
    new Request(`${ORIGIN}/api/internal/revalidate`, {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json", ...headers, ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/internal/revalidate", () => {
  it("drops exactly the signed tenant's cached pages, once per request", async () => {
    const { body, signature } = newRevalidationRequest("mpmx");
    expect((await post(body, signature)).status).toBe(204);
    expect(revalidateTag.mock.calls).toEqual([["tenant:mpmx", { expire: 0 }]]);
    // The same request again (a replay) changes nothing.
    expect((await post(body, signature)).status).toBe(401);
    expect(revalidateTag).toHaveBeenCalledTimes(1);
  });

  it("refuses unsigned, re-addressed and oversized requests before anything is dropped", async () => {
    const { body, signature } = newRevalidationRequest("mpmx");
    expect((await post(body, null)).status).toBe(401);
    expect((await post({ ...body, slug: "nordlicht" }, signature)).status).toBe(401);
    expect((await post(`${JSON.stringify(body)}${" ".repeat(2000)}`, signature)).status).toBe(401);
    expect((await post("not json", signature)).status).toBe(401);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("answers 404 for a signed slug no tenant has, and 403 to a cross-origin request", async () => {
    const unknown = newRevalidationRequest("no-such-tenant");
    expect((await post(unknown.body, unknown.signature)).status).toBe(404);
    const valid = newRevalidationRequest("nordlicht");
    expect((await post(valid.body, valid.signature, { origin: "http://evil.example" })).status).toBe(403);
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
