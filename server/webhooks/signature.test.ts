import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ATTEMPTS, retryDelaySeconds } from "./deliver";
import { signWebhook, verifyWebhook } from "./signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ event: "measures.published", data: { version: 3 } });
  const now = 1_764_300_000;

  it("verifies what was signed with the secret, at the time it was signed", () => {
    const signature = signWebhook(secret, now, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, { signature, timestamp: String(now), body }, now + 10)).toBeNull();
  });

  it("refuses another secret, a changed body or timestamp, a stale or missing signature", () => {
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhook("whsec_other", { signature, timestamp: String(now), body }, now)).toBe("mismatch");
    expect(verifyWebhook(secret, { signature, timestamp: String(now), body: body.replace("3", "4") }, now)).toBe("mismatch");
    expect(verifyWebhook(secret, { signature, timestamp: String(now + 1), body }, now)).toBe("mismatch");
    expect(verifyWebhook(secret, { signature, timestamp: String(now), body }, now + 301)).toBe("stale");
    expect(verifyWebhook(secret, { signature: null, timestamp: String(now), body }, now)).toBe("missing");
    expect(verifyWebhook(secret, { signature: "v1=xyz", timestamp: String(now), body }, now)).toBe("malformed");
  });
});

describe("webhook retry schedule", () => {
  it("waits 30 s after the first failure and doubles up to the last attempt, then gives up", () => {
    const delays = Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, null]);
  });
});
