import "server-only";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";

/** Who is asking, for the audit log and rate limits. proxy.ts assigns x-request-id. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  // Behind a reverse proxy the first x-forwarded-for hop is the client; Next sets it for direct connections too.
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    requestId: h.get("x-request-id") ?? randomUUID(),
  };
}
