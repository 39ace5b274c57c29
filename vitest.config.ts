import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // server-only throws outside a React Server bundle; tests import server code directly.
      "server-only": fileURLToPath(new URL("./server/testing/server-only-noop.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,server,prisma,scripts}/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["./server/testing/global-setup.ts"],
    fileParallelism: false,
  },
});
