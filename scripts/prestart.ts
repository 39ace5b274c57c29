// Step one of `npm start` / `npm run dev`: migrate, seed an empty database, then exit so that the
// Next server can open the embedded database alone (one process per PGlite folder).
import "dotenv/config";
import { rmSync } from "node:fs";
import { dbMode } from "@/server/db/mode";
import { env } from "@/server/env";
import { closeDb, connectAsOwner } from "@/server/db/client";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { migrate } from "./migrate";

// Migrations and the seed write as the owner; the app itself runs as app_user.
connectAsOwner();

// The whole environment, the server's settings included (serve.mjs starts only after this step):
// a wrong value stops the start here with its name and reason, before anything is migrated.
try {
  env();
} catch (error) {
  console.error(`[prestart] ${(error as Error).message}`);
  process.exit(1);
}

const started = Date.now();
const mode = dbMode();
try {
  await migrate(mode);
  const migrated = Date.now();
  // A production database starts empty; tenants are created with `npm run tenant:create` or /new.
  const seeded = env().APP_ENV === "production" ? false : await seedDemoData();
  await closeDb();
  // Next keeps rendered pages and cached data on disk across restarts; the database may have changed
  // while the server was down (seed, psql, switching databases), so start with an empty page cache.
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  for (const dir of ["server/route-cache", "cache/fetch-cache"]) rmSync(`${distDir}/${dir}`, { recursive: true, force: true });
  console.log(
    `[prestart] ${mode.kind === "pglite" ? `embedded database ${mode.dir}` : "PostgreSQL server"}: ` +
      `migrations ${migrated - started} ms, ${seeded ? "demo data seeded" : "existing data kept"} (${Date.now() - migrated} ms)`,
  );
} catch (error) {
  console.error("[prestart] failed:", error);
  await closeDb().catch(() => {});
  process.exit(1);
}
