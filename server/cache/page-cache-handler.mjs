// @ts-check
// Next's own file-system page cache (the ISR cache of the public trust-center pages), plus two
// things:
// - a page is prepared once as it enters the cache (page-scripts.mjs): the documents lose Next's
//   scripts, and every page carries a script policy (none at all, or the hashes of its inline
//   scripts: a page cached for everyone cannot carry a per-request nonce);
// - a revalidation empties the front cache as well (server/http/front-cache.mjs);
// - a 404 is not kept. Every unknown address below a tenant (/{anything}, /mpmx/measures/v/{n})
//   would otherwise stay on disk for good, about 50 KB each: anyone could fill the disk by
//   asking for made-up addresses. A 404 is rendered again on each request instead (one query).
// Wired in next.config.ts (cacheHandler).
//
// Next 16.4.6 (pinned) exposes no public base class for this handler, hence the internal import.
// e2e/security-headers.spec.ts fails when an upgrade changes how it is loaded or served.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { preparePage } from "./page-scripts.mjs";
import { clearFrontCache } from "../http/front-cache.mjs";

/** @type {any} */
const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

export default class PageCacheHandler extends FileSystemCache {
  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    // Pages prerendered by the build (and entries older than this handler) are prepared on first
    // read; the memory cache keeps the prepared object, so this is once per page.
    preparePage(entry?.value);
    return entry;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (data?.kind === "APP_PAGE" && data.status === 404) return;
    preparePage(data);
    return super.set(key, data, ctx);
  }

  /**
   * revalidateTag and revalidatePath: the front cache (server/http/front-cache.mjs) starts over
   * too, once the pages are marked stale here (emptied earlier, a request in between could keep
   * the old page again).
   * @param {any[]} args
   */
  async revalidateTag(...args) {
    const result = await super.revalidateTag(...args);
    clearFrontCache();
    return result;
  }
}
