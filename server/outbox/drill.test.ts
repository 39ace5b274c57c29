import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { openFreshTestDatabase } from "@/server/testing/fresh-database";
import { runWorkerDrill } from "./drill";

// The worker drill (issue 4, Must show 4) as an integration test: 300 subscribers, one publication,
// the worker killed with SIGKILL mid-delivery and restarted; every subscriber has exactly one email.
// PostgreSQL only: the worker runs as its own process, and an embedded PGlite folder has one owner.
const database = connectTestDatabase({ role: "app" });

let fresh: Awaited<ReturnType<typeof openFreshTestDatabase>> | undefined;
afterAll(async () => {
  await closeDb();
  await fresh?.drop();
});

describe.skipIf(database.kind !== "postgres")("worker drill", () => {
  it("prints missing 0, duplicate 0 after a SIGKILL mid-delivery and a restart", async () => {
    // A database of its own: the worker relays every due message, and the run's shared database
    // holds what the other test files left in the outbox.
    fresh = await openFreshTestDatabase();
    const lines: string[] = [];
    const result = await runWorkerDrill({ databaseUrl: fresh.database.kind === "postgres" ? fresh.database.url : "", subscribers: 300, log: (line) => lines.push(line) });
    console.log(`[drill] ${lines.join("; ")}; ${result.transmissions} SMTP transmissions (${result.resentCopies} re-sent with the same Message-ID), ${result.seconds} s`);
    console.log(`missing ${result.missing}, duplicate ${result.duplicate}`);
    expect(result.killedAfter).toBeGreaterThanOrEqual(100);
    expect(result.killedAfter).toBeLessThan(300);
    expect(result).toMatchObject({ subscribers: 300, missing: 0, duplicate: 0, foreign: 0 });
    // Only messages in flight at the kill can be sent twice (4 parallel sends), always as the same message.
    expect(result.transmissions).toBe(300 + result.resentCopies);
    expect(result.resentCopies).toBeLessThanOrEqual(4);
  }, 180_000);
});
