import "server-only";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { clientAddress } from "@/lib/security/client-address";
import { env } from "./env";

/** Who is asking, for the audit log and rate limits. proxy.ts assigns x-request-id. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: clientAddress(h.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS),
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    requestId: h.get("x-request-id") ?? randomUUID(),
  };
}
