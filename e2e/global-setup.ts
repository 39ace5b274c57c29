import { rmSync } from "node:fs";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "./support/ports";
import { startSmtpSink } from "./support/smtp-sink";

// Services the app under test talks to, started before its web server: a real SMTP server.
export default async function globalSetup() {
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  const stopSmtp = await startSmtpSink(E2E_SMTP_PORT, E2E_MAIL_DIR);
  return async () => {
    await stopSmtp();
  };
}
