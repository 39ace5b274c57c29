import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { listOwnSubscriptions, unsubscribeOwn, updateOwnTopics } from "./account";
import { unsubscribeTokenHash } from "./tokens";

// /account/subscriptions on the server: a user sees and changes only the subscriptions of their own
// address (row-level security own_read), in every tenant; someone else's id is "not found".
connectTestDatabase({ role: "owner" });

let mine: { userId: string; email: string; ids: string[] };
let othersId: string;

async function subscription(tenantSlug: string, email: string, confirmed: boolean) {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: tenantSlug }, select: { id: true } });
  const id = randomUUID();
  await db.subscription.create({ data: { id, tenantId: tenant.id, email, locale: "de", topics: ["measures"], confirmedAt: confirmed ? new Date() : null, unsubscribeTokenHash: unsubscribeTokenHash(id) } });
  return id;
}

beforeAll(async () => {
  const db = await getDb();
  const email = `own-${randomUUID().slice(0, 8)}@example.com`;
  const user = await db.user.create({ data: { email, emailVerified: new Date() }, select: { id: true } });
  mine = { userId: user.id, email, ids: [await subscription("mpmx", email, true), await subscription("nordlicht", email, false)] };
  othersId = await subscription("mpmx", `other-${randomUUID().slice(0, 8)}@example.com`, true);
});
afterAll(closeDb);

describe("own subscriptions", () => {
  it("lists the address's subscriptions in every tenant and nobody else's", async () => {
    const list = await listOwnSubscriptions(mine.userId);
    expect(list.map((s) => s.id).sort()).toEqual([...mine.ids].sort());
    expect(list.map((s) => s.tenantSlug).sort()).toEqual(["mpmx", "nordlicht"]);
    expect(list.find((s) => s.tenantSlug === "nordlicht")!.confirmed).toBe(false);
  });

  it("saves topics (confirming a pending one: the sign-in proved the address) and unsubscribes", async () => {
    await updateOwnTopics(mine.userId, mine.ids[1]!, ["incidents", "measures"]);
    const db = await getDb();
    expect(await db.subscription.findUniqueOrThrow({ where: { id: mine.ids[1]! } })).toMatchObject({ topics: ["incidents", "measures"], confirmTokenHash: null });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: mine.ids[1]! } })).confirmedAt).toBeInstanceOf(Date);
    await unsubscribeOwn(mine.userId, mine.ids[0]!);
    expect(await db.subscription.count({ where: { id: mine.ids[0]! } })).toBe(0);
  });

  it("answers someone else's subscription as not found and changes nothing", async () => {
    await expect(updateOwnTopics(mine.userId, othersId, ["incidents"])).rejects.toMatchObject({ code: "notFound" });
    await expect(unsubscribeOwn(mine.userId, othersId)).rejects.toMatchObject({ code: "notFound" });
    const db = await getDb();
    expect(await db.subscription.findUniqueOrThrow({ where: { id: othersId } })).toMatchObject({ topics: ["measures"] });
  });
});
