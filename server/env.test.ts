import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// The environment is checked as a whole before the server starts (scripts/prestart.ts): a wrong
// value must stop the start with its name, never turn into NaN or a silent default.

describe("parseEnv", () => {
  it("gives a newcomer's empty environment working defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, FRONT_CACHE: "on", FRONT_CACHE_MAX_MB: 32, APP_ENV: "development", DB_POOL_MAX: 10, OUTBOX_WORKER: "on" });
    expect(env.LISTEN_ADDRESS).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads the server's settings", () => {
    expect(parseEnv({ PORT: "8080", LISTEN_ADDRESS: "127.0.0.1", FRONT_CACHE: "off", FRONT_CACHE_MAX_MB: "64" })).toMatchObject({
      PORT: 8080,
      LISTEN_ADDRESS: "127.0.0.1",
      FRONT_CACHE: "off",
      FRONT_CACHE_MAX_MB: 64,
    });
    expect(parseEnv({ LISTEN_ADDRESS: "::1" }).LISTEN_ADDRESS).toBe("::1");
  });

  it.each([
    ["FRONT_CACHE_MAX_MB", "lots"],
    ["FRONT_CACHE_MAX_MB", "0"],
    ["FRONT_CACHE", "yes"],
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["LISTEN_ADDRESS", "0.0.0.0 ; rm"],
    ["DB_POOL_MAX", "0"],
    ["DATABASE_URL", "mysql://localhost/x"],
  ])("refuses %s=%s and names the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrowError(new RegExp(`Invalid environment:[\\s\\S]*${name}`));
  });

  it("requires a secret and a mail server in production, naming both", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrowError(/AUTH_SECRET[\s\S]*required in production[\s\S]*SMTP_URL/);
    expect(parseEnv({ APP_ENV: "production", AUTH_SECRET: "x".repeat(32), SMTP_URL: "smtp://mail:25" }).APP_ENV).toBe("production");
  });
});
