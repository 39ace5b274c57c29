import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // server-only throws outside a React Server bundle; tests import server code directly.
      "server-only": fileURLToPath(new URL("./server/testing/server-only-noop.ts", import.meta.url)),
      // Tests that call pages and actions directly (server/auth/authorization-matrix.test.ts) need
      // next-intl's server API as a React Server bundle sees it (the default export condition is its
      // client stub, which throws), reading i18n/request.ts as the next-intl plugin wires it in next.config.ts.
      "next-intl/server": fileURLToPath(new URL("./node_modules/next-intl/dist/esm/development/server.react-server.js", import.meta.url)),
      "next-intl/config": fileURLToPath(new URL("./i18n/request.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,server,prisma,scripts}/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["./server/testing/global-setup.ts"],
    // Two files at a time (this machine and CI have 2 cores), each worker on its own copy of the
    // seeded database (server/testing/global-setup.ts); the fuzz files alone take minutes.
    maxWorkers: Number(process.env.TEST_WORKERS || 2),
    // Processed by Vite rather than loaded by Node: the next-intl/config alias above must reach
    // next-intl's own imports, and next-auth imports "next/server" without the extension Node's ESM needs.
    server: { deps: { inline: ["next-intl", "next-auth"] } },
  },
});
