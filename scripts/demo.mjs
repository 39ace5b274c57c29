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
console.log(`\nVouchsafe demo: http://localhost:${process.env.PORT ?? 3000}/mpmx\n`);
step("npm", ["start"]);
