// The request boundary for tests that call pages, server actions and route handlers directly:
// next/headers' cookies() and headers() answer from the "current request" set here, exactly as
// Next would from the incoming HTTP request. Nothing else is faked.
//
//   vi.mock("next/headers", async () => (await import("@/server/testing/request-scope")).nextHeaders);
//   beginRequest({ cookies: { [sessionCookieName()]: token }, locale: "en" });
//
// Not a test file; imported by tests only.
import { randomUUID } from "node:crypto";
import { LOCALE_HEADER } from "@/lib/routing/app-locale";

interface CookieEntry {
  name: string;
  value: string;
}

export interface RequestScope {
  cookies: Map<string, string>;
  headers: Headers;
  /** Cookies the code under test set (name → value) or deleted (value null), in order. */
  cookieWrites: Array<{ name: string; value: string | null }>;
}

let current: RequestScope = emptyScope();
let requests = 0;

function emptyScope(): RequestScope {
  return { cookies: new Map(), headers: new Headers(), cookieWrites: [] };
}

/** Starts a new request: its cookies and headers; returns the scope to inspect afterwards. */
export function beginRequest(input: { cookies?: Record<string, string>; locale?: "de" | "en"; headers?: Record<string, string> } = {}): RequestScope {
  const headers = new Headers({
    "x-request-id": randomUUID(),
    "user-agent": "vitest",
    // A client address of its own per request (198.18.0.0/15, benchmarking range): per-IP rate
    // limits must not turn one test's requests into another's refusals.
    "x-forwarded-for": `198.18.${(requests >> 8) & 255}.${requests & 255}`,
    [LOCALE_HEADER]: input.locale ?? "en",
    ...input.headers,
  });
  requests += 1;
  current = { cookies: new Map(Object.entries(input.cookies ?? {})), headers, cookieWrites: [] };
  return current;
}

/** The same subset of Next's cookie store the app uses (get, getAll, has, set, delete). */
const cookieStore = {
  get(name: string | CookieEntry): CookieEntry | undefined {
    const key = typeof name === "string" ? name : name.name;
    const value = current.cookies.get(key);
    return value === undefined ? undefined : { name: key, value };
  },
  getAll(): CookieEntry[] {
    return [...current.cookies].map(([name, value]) => ({ name, value }));
  },
  has(name: string): boolean {
    return current.cookies.has(name);
  },
  set(nameOrOptions: string | (CookieEntry & Record<string, unknown>), value?: string) {
    const entry = typeof nameOrOptions === "string" ? { name: nameOrOptions, value: value ?? "" } : nameOrOptions;
    current.cookies.set(entry.name, entry.value);
    current.cookieWrites.push({ name: entry.name, value: entry.value });
    return cookieStore;
  },
  delete(nameOrOptions: string | { name: string }) {
    const name = typeof nameOrOptions === "string" ? nameOrOptions : nameOrOptions.name;
    current.cookies.delete(name);
    current.cookieWrites.push({ name, value: null });
    return cookieStore;
  },
  get size() {
    return current.cookies.size;
  },
};

/** Module shape of next/headers for vi.mock. */
export const nextHeaders = {
  cookies: async () => cookieStore,
  headers: async () => current.headers,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};
