import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { createSession, readSession } from "../auth/session";
import { setUserDisabled } from "./disable-user";

connectTestDatabase({ role: "app" });
afterAll(closeDb);

describe("disabling a user", () => {
  it("ends every session at once and keeps the account closed until enabled again", async () => {
    const db = await getDb();
    const email = `disabled.${Date.now()}@example.com`;
    const user = await db.user.create({ data: { email } });
    const tokens = await db.$transaction(async (tx) => [
      await createSession(tx, { userId: user.id, method: "MAGIC_LINK", mfa: false, kind: "customer", ip: null, userAgent: null }),
      await createSession(tx, { userId: user.id, method: "MAGIC_LINK", mfa: false, kind: "customer", ip: null, userAgent: null }),
    ]);
    const result = await db.$transaction((tx) => setUserDisabled(tx, { email: email.toUpperCase(), disabled: true, operator: "ops" }));
    expect(result).toEqual({ found: true, sessionsEnded: 2 });
    for (const { token } of tokens) expect(await readSession(token, new Date())).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();

    expect(await db.$transaction((tx) => setUserDisabled(tx, { email, disabled: false, operator: "ops" }))).toEqual({ found: true, sessionsEnded: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
  });

  it("reports an unknown address and changes nothing", async () => {
    const db = await getDb();
    expect(await db.$transaction((tx) => setUserDisabled(tx, { email: "nobody-here@example.com", disabled: true, operator: "ops" }))).toEqual({ found: false, sessionsEnded: 0 });
  });
});
