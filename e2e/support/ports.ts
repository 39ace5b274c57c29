import path from "node:path";

// Shared by playwright.config.ts, the global setup and the fixtures (each runs in its own process).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3200);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 25);
/** The DNS server the SSO journey starts (server/testing/dns-server.ts); the app asks it for TXT records. */
export const E2E_DNS_PORT = Number(process.env.E2E_DNS_PORT ?? E2E_PORT + 53);
export const E2E_MAIL_DIR = path.resolve(process.env.E2E_MAIL_DIR ?? `test-results/mail-${E2E_PORT}`);
