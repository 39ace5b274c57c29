import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Tenant logos are data: URLs of stored SVG; next/image would add nothing but a loader.
      "@next/next/no-img-element": "off",
    },
  },
  globalIgnores([".next*/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", "bench-results/**", "next-env.d.ts"]),
]);
