import "server-only";
import { normalizeHost } from "@/lib/routing/host";
import { getDb } from "../db/client";
import { clearFrontCache } from "../http/front-cache.mjs";

// Host → tenant slug for custom domains, asked by proxy.ts on requests to any host but APP_ORIGIN's.
// The whole (small) table of custom domains is held in memory and reloaded at most every 30 s, so
// the number of queries does not grow with traffic or with the number of distinct Host values
// a client makes up. A changed domain takes effect within the TTL on every instance
// (forgetCustomDomains() makes it immediate on the instance that changed it).

export type DomainTable = ReadonlyMap<string, string>;

export interface DomainDirectoryOptions {
  load: () => Promise<DomainTable>;
  ttlMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface DomainDirectory {
  /** The tenant slug whose custom domain `host` is (a raw Host header value), or null. */
  slugForHost(host: string | null | undefined): Promise<string | null>;
  /** Drops the cached table: the next lookup loads it again. */
  forget(): void;
}

export function createDomainDirectory({ load, ttlMs = 30_000, now = Date.now, onError = logError }: DomainDirectoryOptions): DomainDirectory {
  let table: DomainTable | null = null;
  let loadedAt = 0;
  let pending: Promise<DomainTable> | null = null;

  async function current(): Promise<DomainTable> {
    if (table && now() - loadedAt < ttlMs) return table;
    // One load at a time: concurrent requests after expiry share it.
    pending ??= load()
      .then((loaded) => {
        table = loaded;
        loadedAt = now();
        return loaded;
      })
      .catch((error: unknown) => {
        onError(error);
        // Keep serving the last table; with none yet, no host is a custom domain (path routing).
        // Retry after a short pause, not on every request.
        loadedAt = now() - ttlMs + Math.min(ttlMs, 5_000);
        table ??= new Map();
        return table;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  return {
    async slugForHost(raw) {
      const host = normalizeHost(raw);
      if (!host) return null;
      return (await current()).get(host) ?? null;
    },
    forget() {
      table = null;
      loadedAt = 0;
    },
  };
}

/** Every tenant's custom domain (the tenants table has no row-level security: slugs are public). */
export async function loadCustomDomains(): Promise<DomainTable> {
  const db = await getDb();
  const rows = await db.tenant.findMany({ where: { customDomain: { not: null } }, select: { slug: true, customDomain: true } });
  const table = new Map<string, string>();
  for (const { slug, customDomain } of rows) {
    // Stored values are validated on input; normalizing again keeps a hand-edited row from matching oddly.
    const host = normalizeHost(customDomain);
    if (host) table.set(host, slug);
  }
  return table;
}

function logError(error: unknown) {
  console.error("[custom-domains] loading the domain table failed", error instanceof Error ? error.message : error);
}

// One directory per process (globalThis: the proxy and the app may load this module in separate bundles).
const holder = globalThis as unknown as { __vouchsafeDomains?: DomainDirectory };
const directory = (holder.__vouchsafeDomains ??= createDomainDirectory({ load: loadCustomDomains }));

export const tenantSlugForHost = (host: string | null | undefined) => directory.slugForHost(host);
/** A domain changed: look the table up again, and drop the pages kept for the old hosts. */
export const forgetCustomDomains = () => {
  directory.forget();
  clearFrontCache();
};
