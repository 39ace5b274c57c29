// `npm run tenant:create -- --slug acme --name "Acme GmbH" --owner owner@acme.example`
// Creates a trust center and its first owner (server/tenants/tenant-create-cli.ts). Exit code 1
// with a message on stderr for bad arguments or a taken slug.
import "dotenv/config";
import { closeDb, connectAsOwner } from "@/server/db/client";
import { nextSteps, parseTenantCreateArgs, runTenantCreate, TENANT_CREATE_USAGE } from "@/server/tenants/tenant-create-cli";
import { migrate } from "./migrate";

const parsed = parseTenantCreateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`tenant:create: ${parsed.problems.join("\n  ")}\n${TENANT_CREATE_USAGE}`);
  process.exit(1);
}

// An operator's command writes as the database owner, like migrations and the seed.
connectAsOwner();
let code = 0;
try {
  await migrate(undefined, { quiet: true });
  const outcome = await runTenantCreate(parsed.args);
  if ("problem" in outcome) {
    console.error(`tenant:create: ${outcome.problem}`);
    code = 1;
  } else {
    console.log(nextSteps(parsed.args, outcome));
  }
} catch (error) {
  console.error("tenant:create failed:", error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await closeDb().catch(() => {});
}
process.exit(code);
