import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server for the end-to-end run: the app sends through nodemailer exactly as in
// production, and every received message lands as JSON in `dir` for the tests to read.
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
}

export async function startSmtpSink(port: number, dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
          const headers: Record<string, string> = {};
          for (const [key, value] of parsed.headers) headers[key] = typeof value === "string" ? value : JSON.stringify(value);
          const mail: ReceivedMail = { to, subject: parsed.subject ?? "", text: parsed.text ?? "", headers, receivedAt: new Date().toISOString() };
          writeFileSync(path.join(dir, `${Date.now()}-${process.pid}-${counter++}.json`), JSON.stringify(mail, null, 2));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
