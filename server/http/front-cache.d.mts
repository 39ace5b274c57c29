import type { IncomingMessage, ServerResponse } from "node:http";

export interface Entry {
  status: number;
  headers: Array<[string, string | string[]]>;
  body: Buffer;
  gzip: Buffer | null;
  storedAt: number;
  bytes: number;
}
export interface FrontCache {
  get(key: string): Entry | null;
  set(key: string, entry: Entry): void;
  clear(): void;
  readonly generation: number;
  readonly size: number;
  readonly bytes: number;
}
export declare function createFrontCache(options?: { maxBytes?: number; ttlMs?: number; now?: () => number }): FrontCache;
export declare function registerFrontCache(cache: FrontCache): void;
export declare function clearFrontCache(): void;
export declare function frontCacheKey(request: IncomingMessage): string | null;
export declare function sendEntry(request: IncomingMessage, response: ServerResponse, entry: Entry): void;
export declare function entryFrom(response: ServerResponse, sent: Buffer, storedAt: number): Entry | null;
export declare function frontCachedListener(options: {
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  cache: FrontCache;
  now?: () => number;
}): (request: IncomingMessage, response: ServerResponse) => void;
