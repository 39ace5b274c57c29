// `npm run user:disable -- --email someone@example.com [--enable]`
// Disables an account (all its sessions end at once) or enables it again. Audited as the operator.
import "dotenv/config";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { setUserDisabled } from "@/server/account/disable-user";
import { closeDb, connectAsOwner, getDb } from "@/server/db/client";

const USAGE = "usage: npm run user:disable -- --email <address> [--enable]";
let values: { email?: string; enable?: boolean };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, enable: { type: "boolean", default: false } } }));
} catch (error) {
  console.error(`user:disable: ${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(1);
}
if (!values.email) {
  console.error(`user:disable: --email is required\n${USAGE}`);
  process.exit(1);
}

connectAsOwner();
let code = 0;
try {
  const db = await getDb();
  const result = await db.$transaction((tx) => setUserDisabled(tx, { email: values.email!, disabled: !values.enable, operator: userInfo().username }));
  if (!result.found) {
    console.error(`user:disable: no account with the address ${values.email}`);
    code = 1;
  } else {
    console.log(values.enable ? `${values.email} enabled` : `${values.email} disabled; ${result.sessionsEnded} session(s) ended`);
  }
} finally {
  await closeDb();
}
process.exit(code);
