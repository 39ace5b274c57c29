import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address our proxy appended, not one the client wrote first", () => {
    expect(clientAddress("1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("counts from the right through several trusted proxies", () => {
    expect(clientAddress("1.2.3.4, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("answers null without a header, and treats 0 hops as 1", () => {
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress(" , ", 1)).toBeNull();
    expect(clientAddress("1.2.3.4, 203.0.113.9", 0)).toBe("203.0.113.9");
  });
});
