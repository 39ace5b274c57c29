/** Next's file-system page cache, preparing the pages it keeps; see page-cache-handler.mjs. */
export default class PageCacheHandler {
  constructor(context: Record<string, unknown>);
  get(key: string, context: Record<string, unknown>): Promise<{ value?: { status?: number; html?: unknown; headers?: Record<string, unknown> } } | null>;
  set(key: string, data: unknown, context: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
