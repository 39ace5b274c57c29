import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server for integration tests and the worker drill: the code under test sends through
// nodemailer exactly as in production; every accepted message is parsed and kept in memory.
export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  /** Raw header values by lower-case name (mailparser folds List-* headers into one structure). */
  headers: Map<string, string>;
}

export interface SmtpCapture {
  port: number;
  url: string;
  mails: CapturedMail[];
  /** Refuse the next `count` messages with a 451 (a temporarily unavailable relay). */
  refuseNext(count: number): void;
  /** Called after each accepted message, before the 250 reply. */
  onMail?: (mail: CapturedMail, total: number) => void;
  close(): Promise<void>;
}

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  let refusals = 0;
  const capture: SmtpCapture = {
    port: 0,
    url: "",
    mails: [],
    refuseNext(count) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (refusals > 0) {
            refusals--;
            const error = Object.assign(new Error("try again later"), { responseCode: 451 });
            return callback(error);
          }
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
          const mail: CapturedMail = { to, subject: parsed.subject ?? "", text: parsed.text ?? "", messageId: parsed.messageId ?? "", headers: rawHeaders(parsed.headerLines) };
          capture.mails.push(mail);
          capture.onMail?.(mail, capture.mails.length);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  capture.port = typeof address === "object" && address ? address.port : port;
  capture.url = `smtp://127.0.0.1:${capture.port}`;
  return capture;
}

function rawHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Map<string, string> {
  return new Map(lines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim()]));
}
