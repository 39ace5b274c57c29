// `npm run demo`: everything a newcomer needs, in one command, on a machine with only Node and npm:
// install (first time), build (when missing), then start on the embedded database with demo data.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function step(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync("node_modules/.package-lock.json")) step("npm", ["ci", "--ignore-scripts"]);
if (!existsSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/BUILD_ID`)) step("npm", ["run", "build"]);
// The demo is not production: mails go to the local mailbox (/mailbox) unless SMTP_URL is set, the
// demo accounts are seeded, and a development AUTH_SECRET is used unless one is given.
process.env.APP_ENV ??= "development";
console.log(`\nVouchsafe demo: http://localhost:${process.env.PORT ?? 3000}/mpmx\n`);
console.log("Staff sign-in: /signin/staff (owner@mpmx.example / trust-center-demo-2026, TOTP secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP)");
console.log("Customer sign-in: /signin with kunde@example.com, then open the link in /mailbox\n");
step("npm", ["start"]);
