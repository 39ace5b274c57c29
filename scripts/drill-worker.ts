// `npm run drill:worker [-- --subscribers 300]`: the worker drill on a throwaway database of the
// PostgreSQL server in DATABASE_URL (created, migrated, dropped). Prints and asserts
// "missing 0, duplicate 0"; exits 1 otherwise. See server/outbox/drill.ts.
import "dotenv/config";
import { parseArgs } from "node:util";
import { createDatabase, dropDatabase } from "@/server/testing/postgres-admin";
import { migrate } from "./migrate";

const { values } = parseArgs({ options: { subscribers: { type: "string", default: "300" } } });
const server = process.env.DATABASE_URL;
if (!server) {
  console.error("drill:worker needs DATABASE_URL (a PostgreSQL server): the worker runs as its own process, which the embedded database does not allow");
  process.exit(1);
}
const url = await createDatabase(server, `sub_drill_${Date.now()}`);
let code = 1;
try {
  await migrate({ kind: "postgres", url }, { quiet: true });
  process.env.DATABASE_URL = url;
  const { runWorkerDrill } = await import("@/server/outbox/drill");
  const { closeDb } = await import("@/server/db/client");
  const result = await runWorkerDrill({ databaseUrl: url, subscribers: Number(values.subscribers), log: (line) => console.log(`[drill] ${line}`) });
  await closeDb();
  console.log(
    `[drill] ${result.subscribers} subscribers, ${result.transmissions} SMTP transmissions (${result.resentCopies} re-sent with the same Message-ID after the kill), ${result.seconds} s`,
  );
  console.log(`missing ${result.missing}, duplicate ${result.duplicate}`);
  code = result.missing === 0 && result.duplicate === 0 && result.foreign === 0 && result.killedAfter > 0 ? 0 : 1;
} catch (error) {
  console.error("[drill] failed:", error);
} finally {
  await dropDatabase(url).catch(() => {});
}
process.exit(code);
