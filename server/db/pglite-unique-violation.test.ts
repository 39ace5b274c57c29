import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb } from "./client";

// A unique violation is Prisma's P2002 on both databases, so code that answers "taken" (slugs,
// custom domains, emails) never answers 500 on the embedded one.
connectTestDatabase({ role: "app" });
afterAll(closeDb);

describe("a duplicate key", () => {
  it("is a PrismaClientKnownRequestError P2002 naming the field", async () => {
    const db = await getDb();
    const email = `dup.${Date.now()}@example.com`;
    await db.user.create({ data: { email } });
    const error = await db.user.create({ data: { email } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect((error as Prisma.PrismaClientKnownRequestError).meta).toMatchObject({ driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } } } });
  });
});
