import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Headers that are the same for every response, assets included. The Content-Security-Policy
// (a nonce per request in the signed-in area) and HSTS (only when APP_ORIGIN is https, known at
// runtime, not at build time) are set by proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // No other site's window keeps a handle on ours (tabnabbing, cross-window leaks).
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No ETag: Next computes it by hashing the whole body on every response, cache hits included —
  // 0.5 to 1.2 ms of CPU per request for a 70-90 KB measures or redline page (server CPU time
  // per request, 4,000 requests each: /mpmx/measures 3.0 → 2.5 ms, the redline 3.4 → 2.2 ms, the
  // trivial /about 2.0 → 2.0 ms). What is lost is a 304 on browser revalidation; cached public
  // pages carry s-maxage for a CDN in front, which caches and revalidates them itself.
  generateEtags: false,
  // `npm test` runs tsc once before building; its builds skip Next's second, identical type check.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // forbidden() renders the console's 403 page for a signed-in user without the needed role.
  // Server actions accept up to 11 MB: a certificate PDF may be 10 MB (checked again, with a message at the field).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  // Separate build folders let the e2e run and the benchmark build beside a developer's own build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Next's page cache; it serves the cached documents without scripts and gives each cached page its
  // script policy (a cached page cannot carry a per-request nonce; see lib/security/csp.ts).
  cacheHandler: path.join(process.cwd(), "server/cache/page-cache-handler.mjs"),
  // Loaded by Node at runtime instead of bundled: PGlite reads its .wasm/.data files next to its module.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "nodemailer", "ioredis", "pg-boss", "pdf-lib", "@pdf-lib/fontkit"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
