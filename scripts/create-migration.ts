// Usage: npm run db:migration:create -- <name> [--empty]
// Offline `prisma migrate dev --create-only`: replays prisma/migrations on an in-memory PGlite and
// diffs the result against prisma/schema.prisma. Needs no database server.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { servePglite } from "./pglite-serve";
import { run } from "./run";

const empty = process.argv.includes("--empty");
const name = (process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "").replace(/[^a-zA-Z0-9_]/g, "_");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name> [--empty]");
  process.exit(1);
}
const dir = "prisma/migrations";
mkdirSync(dir, { recursive: true });
const lockFile = join(dir, "migration_lock.toml");
if (!existsSync(lockFile)) writeFileSync(lockFile, 'provider = "postgresql"\n');

const tmp = join(dir, `.tmp-${process.pid}.sql`);
let code = 2;
if (empty) {
  writeFileSync(tmp, "-- Hand-written migration.\n");
} else {
  const served = await servePglite("memory://");
  try {
    const url = served.url;
    code = await run(
      "prisma",
      ["migrate", "diff", "--from-migrations", dir, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code", "-o", tmp],
      { ...process.env, DATABASE_URL: url, MIGRATE_DATABASE_URL: url },
    );
  } finally {
    await served.close();
  }
}
if (code === 0) {
  rmSync(tmp, { force: true });
  console.log("No schema changes: nothing to create.");
} else if (code !== 2) {
  rmSync(tmp, { force: true });
  console.error(`prisma migrate diff failed (exit ${code})`);
  process.exit(code);
} else {
  const target = join(dir, `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`);
  mkdirSync(target);
  renameSync(tmp, join(target, "migration.sql"));
  console.log(`Created ${target}/migration.sql\n\n${readFileSync(join(target, "migration.sql"), "utf8")}`);
}
