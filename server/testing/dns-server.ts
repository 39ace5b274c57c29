// A tiny authoritative DNS server on 127.0.0.1 for tests (node:dgram, RFC 1035 wire format): it
// answers TXT questions from a table the test fills, so SSO domain verification runs against real
// DNS traffic, through node:dns's own resolver, without the internet. A name not in the table is
// NXDOMAIN; a name with other records only, NOERROR without answers (NODATA); a "silent" name gets
// no answer at all (the resolver times out); a "failing" one gets SERVFAIL.
// No imports of the app: the e2e suite starts it too (e2e/sso.spec.ts).
import { createSocket, type RemoteInfo } from "node:dgram";

const TYPE_TXT = 16;
const CLASS_IN = 1;
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export interface TestDnsServer {
  /** For SSO_DNS_SERVERS / Resolver#setServers, e.g. "127.0.0.1:53535". */
  address: string;
  port: number;
  /** The TXT records of a name, each a list of character-strings (a plain string is one of them). */
  setTxt(name: string, records: ReadonlyArray<string | readonly string[]>): void;
  /** The name exists but has no TXT record. */
  setNoTxt(name: string): void;
  /** Questions about the name are never answered. */
  silence(name: string): void;
  /** Questions about the name get SERVFAIL. */
  fail(name: string): void;
  /** Back to NXDOMAIN. */
  remove(name: string): void;
  /** Names asked about (lower case), in order. */
  readonly questions: string[];
  close(): Promise<void>;
}

type Entry = { kind: "txt"; records: string[][] } | { kind: "silent" } | { kind: "servfail" };

export async function startDnsServer({ port = 0 }: { port?: number } = {}): Promise<TestDnsServer> {
  const table = new Map<string, Entry>();
  const questions: string[] = [];
  const socket = createSocket("udp4");
  socket.on("message", (message: Buffer, remote: RemoteInfo) => {
    const query = parseQuery(message);
    if (!query) return;
    questions.push(query.name);
    const entry = table.get(query.name);
    if (entry?.kind === "silent") return;
    const reply =
      entry === undefined
        ? response(message, query, RCODE.NXDOMAIN, [])
        : entry.kind === "servfail"
          ? response(message, query, RCODE.SERVFAIL, [])
          : response(message, query, RCODE.NOERROR, query.type === TYPE_TXT ? entry.records : []);
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", () => {
      socket.off("error", reject);
      resolve();
    });
  });
  const bound = socket.address().port;
  const key = (name: string) => name.toLowerCase().replace(/\.$/, "");
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    setTxt: (name, records) => void table.set(key(name), { kind: "txt", records: records.map((record) => (typeof record === "string" ? [record] : [...record])) }),
    setNoTxt: (name) => void table.set(key(name), { kind: "txt", records: [] }),
    silence: (name) => void table.set(key(name), { kind: "silent" }),
    fail: (name) => void table.set(key(name), { kind: "servfail" }),
    remove: (name) => void table.delete(key(name)),
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

interface Query {
  name: string;
  type: number;
  /** Where the question section ends (it is copied into the response as is). */
  questionEnd: number;
}

function parseQuery(message: Buffer): Query | null {
  if (message.length < 12) return null;
  const flags = message.readUInt16BE(2);
  const isQuery = (flags & 0x8000) === 0;
  if (!isQuery || message.readUInt16BE(4) !== 1) return null;
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    if (offset >= message.length) return null;
    const length = message[offset]!;
    offset += 1;
    if (length === 0) break;
    // Compression pointers never appear in a question a resolver sends first.
    if (length > 63 || offset + length > message.length) return null;
    labels.push(message.toString("latin1", offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return null;
  return { name: labels.join(".").toLowerCase(), type: message.readUInt16BE(offset), questionEnd: offset + 4 };
}

function response(message: Buffer, query: Query, rcode: number, records: readonly string[][]): Buffer {
  const header = Buffer.alloc(12);
  message.copy(header, 0, 0, 2); // id
  const recursionDesired = message.readUInt16BE(2) & 0x0100;
  // QR, AA, the client's RD, RA, and the answer code.
  header.writeUInt16BE(0x8000 | 0x0400 | recursionDesired | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  const answers = records.map((strings) => {
    const data = Buffer.concat(
      strings.map((text) => {
        const bytes = Buffer.from(text, "utf8");
        if (bytes.length > 255) throw new Error("a TXT character-string holds at most 255 bytes: pass longer values in parts");
        return Buffer.concat([Buffer.from([bytes.length]), bytes]);
      }),
    );
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    fixed.writeUInt16BE(TYPE_TXT, 2);
    fixed.writeUInt16BE(CLASS_IN, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, message.subarray(12, query.questionEnd), ...answers]);
}
