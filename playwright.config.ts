import { defineConfig, devices } from "@playwright/test";

// The app under test is the production build (`npm run build` first), started by `npm start`
// on the database scripts/test.ts prepared: a fresh PostgreSQL database (E2E_DATABASE_URL) or a
// fresh embedded PGlite folder (E2E_PGLITE_DIR).
import { E2E_DNS_PORT, E2E_PORT, E2E_SMTP_PORT } from "./e2e/support/ports";

const port = E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite" };

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  // 10 s rather than 5 s for an expectation to come true: a busy 2-core CI machine renders a
  // server action's page in more than 5 s now and then. Passing tests do not wait any longer.
  expect: { timeout: 10_000 },
  outputDir: "test-results/e2e",
  // No traces: recording them cost ~20% of the e2e time even when they were only kept for failures,
  // and CI keeps nothing but its log; a failure prints its assertion and the page's URL there.
  use: { baseURL, trace: "off" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Debian's Chromium: `npx playwright install` cannot download a browser here.
          executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/about`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      ...database,
      PORT: String(port),
      APP_ORIGIN: baseURL,
      APP_ENV: "test",
      // Mail goes through a real SMTP server (e2e/global-setup.ts), as in production.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // SSO domain verification asks the DNS server e2e/sso.spec.ts runs, not the internet.
      SSO_DNS_SERVERS: `127.0.0.1:${E2E_DNS_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
