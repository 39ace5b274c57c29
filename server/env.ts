// Environment, parsed once. Defaults make a newcomer's first run work with no env file at all:
// no DATABASE_URL -> embedded PGlite in ./.data/pglite.
import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** Folder (or memory://) of the embedded database; wins over DATABASE_URL when set. */
  PGLITE_DIR: z.string().min(1).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Public origin used in absolute links (feeds, emails). */
  APP_ORIGIN: z.url().default("http://localhost:3000"),
  /**
   * "production" unless said otherwise: the demo and the tests set "development"/"test". Outside
   * production the local mailbox stands in for a missing SMTP server and AUTH_SECRET has a default.
   */
  APP_ENV: z.enum(["development", "test", "production"]).default(process.env.NODE_ENV === "production" ? "production" : "development"),
  /** Signs and encrypts (Auth.js, TOTP secrets at rest). At least 32 characters in production. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** smtp://user:pass@host:port or smtps://...; unset = local mailbox (not in production). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).default("Vouchsafe <no-reply@vouchsafe.localhost>"),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (the client address is read past them). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Shared rate limits across app instances; unset = PostgreSQL table. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  /** "off" when separate `npm run worker` processes deliver the outbox instead of the app itself. */
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  /** A delivery job running longer than this is presumed dead and retried (the drill shortens it). */
  OUTBOX_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(600),
  /** An email claimed this long ago by a sender that never finished is sent again (longer than any live SMTP send). */
  OUTBOX_EMAIL_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * DNS servers that SSO domain verification asks for TXT records: comma-separated IP addresses,
   * each with an optional port (`127.0.0.1:5353`, `[::1]:53`); unset = the system's resolvers.
   */
  SSO_DNS_SERVERS: z
    .string()
    .optional()
    .transform((value) => value?.split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0))
    .refine((servers) => !servers || servers.every(isDnsServer), "must be IP addresses with optional ports, e.g. 127.0.0.1:5353,[::1]:53"),
  /** The production server (`npm start`, server/http/serve.mjs): port, interface, front cache. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on (an IP address or host name); unset = all. Not HOSTNAME: containers set that to their own name. */
  LISTEN_ADDRESS: z.string().regex(/^[\w.:-]+$/, "must be an IP address or host name").optional(),
  /** "off" serves every request through Next (for comparisons); the front cache answers repeated cached pages. */
  FRONT_CACHE: z.enum(["on", "off"]).default("on"),
  /** Memory bound of the front cache, in MB. */
  FRONT_CACHE_MAX_MB: z.coerce.number().min(1).max(4096).default(32),
}).superRefine((value, ctx) => {
  if (value.APP_ENV !== "production") return;
  if (!value.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (APP_ENV=production)" });
  if (!value.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production (APP_ENV=production)" });
});

/** `1.2.3.4`, `1.2.3.4:5353`, `::1` or `[::1]:53`: the forms node:dns Resolver#setServers takes. */
function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const v4 = /^([\d.]+)(?::(\d{1,5}))?$/.exec(entry);
  const [host, port] = bracketed ? [bracketed[1]!, bracketed[2]] : v4 ? [v4[1]!, v4[2]] : [entry, undefined];
  const portOk = port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  return portOk && (bracketed || !v4 ? isIPv6(host) : isIPv4(host));
}

/** Development-only secret: never accepted when APP_ENV=production (see superRefine). */
const DEVELOPMENT_AUTH_SECRET = "vouchsafe-development-secret-not-for-production-use";

export function authSecret(): string {
  return env().AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET;
}

/** Session cookies get the __Host- prefix and Secure whenever the app is served over HTTPS. */
export function servedOverHttps(): boolean {
  return env().APP_ORIGIN.startsWith("https://");
}

export type Env = z.infer<typeof schema>;

/** Parses an environment; throws one error naming every invalid variable and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

let parsed: Env | undefined;
export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}
