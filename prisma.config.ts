import "dotenv/config";
import { defineConfig } from "prisma/config";
import { migrateAdapter } from "./prisma/migrate-adapter";

// Prisma 6.19 needs *some* postgresql:// DATABASE_URL even when nothing connects to it (embedded
// PGlite mode, `prisma generate`); without one it tries to download a query engine, which fails offline.
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";

// "js" schema engine: migrations run through the WASM schema engine bundled in the prisma package,
// so no Rust schema-engine binary has to be downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrateAdapter(process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL!),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
