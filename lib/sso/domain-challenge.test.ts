import { describe, expect, it } from "vitest";
import { challengeRecordName, challengeRecordValue, matchChallenge } from "./domain-challenge";

const TOKEN = "0123456789abcdef0123456789abcdef";
const VALUE = `vouchsafe-domain-verification=${TOKEN}`;

describe("the challenge record", () => {
  it("is named under its own label of the domain and carries the token", () => {
    expect(challengeRecordName("kunde.example")).toBe("_vouchsafe-challenge.kunde.example");
    expect(challengeRecordName("xn--bcher-kva.example")).toBe("_vouchsafe-challenge.xn--bcher-kva.example");
    expect(challengeRecordValue(TOKEN)).toBe(VALUE);
  });
});

describe("matchChallenge", () => {
  it("matches the exact value", () => {
    expect(matchChallenge([[VALUE]], TOKEN)).toBe("match");
  });

  it("joins a record's character-strings without separators", () => {
    expect(matchChallenge([["vouchsafe-domain-verification=", TOKEN.slice(0, 10), TOKEN.slice(10)]], TOKEN)).toBe("match");
    // Strings of different records are never joined with each other.
    expect(matchChallenge([["vouchsafe-domain-verification="], [TOKEN]], TOKEN)).toBe("wrong_value");
  });

  it("ignores letter case, surrounding blanks and one pair of pasted quotes", () => {
    expect(matchChallenge([[VALUE.toUpperCase()]], TOKEN)).toBe("match");
    expect(matchChallenge([[`Vouchsafe-Domain-Verification=${TOKEN.toUpperCase()}`]], TOKEN)).toBe("match");
    expect(matchChallenge([[`  ${VALUE} `]], TOKEN)).toBe("match");
    expect(matchChallenge([[`"${VALUE}"`]], TOKEN)).toBe("match");
  });

  it("finds the matching record among others", () => {
    expect(matchChallenge([["v=spf1 -all"], ["vouchsafe-domain-verification=ffffffffffffffffffffffffffffffff"], [VALUE], ["google-site-verification=abc"]], TOKEN)).toBe("match");
  });

  it("refuses a wrong or another tenant's token, a partial value and lookalikes", () => {
    expect(matchChallenge([["vouchsafe-domain-verification=ffffffffffffffffffffffffffffffff"]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[TOKEN]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[VALUE.slice(0, -1)]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[`${VALUE}0`]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[`x${VALUE}`]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[`vouchsafe-domain-verification = ${TOKEN}`]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[`${VALUE} ${VALUE}`]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([[""]], TOKEN)).toBe("wrong_value");
    expect(matchChallenge([["v=spf1 -all"]], TOKEN)).toBe("wrong_value");
  });

  it("reports no record at all as not found", () => {
    expect(matchChallenge([], TOKEN)).toBe("not_found");
  });
});
