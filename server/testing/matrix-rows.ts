// The rows of the authorization matrix: how each kind of entry is called, the way Next calls it
// (a page with its params, an action with the form it would receive, a route handler with a
// same-origin Request). Not a test file; imported by server/auth/authorization-matrix.test.ts.
import { NextRequest } from "next/server";
import type { Permission } from "@/lib/auth/permissions";
import { importAppModule, surfaceId } from "./app-surface";
import type { Access } from "./matrix-expectations";

/** Objects the cells address: the other tenant's ones test "another tenant's object answers 404". */
export interface Fixtures {
  /** A member of the own tenant (the LEGAL_EDITOR), for entries addressing one. */
  ownMemberId: string;
  foreignMemberId: string;
  foreignInvitationId: string;
  /** The link token of an open invitation of the own tenant, addressed to none of the personas. */
  invitationToken: string;
  /** A certification of the own tenant with a certificate PDF, and one of the other tenant. */
  ownCertificationId: string;
  foreignCertificationId: string;
}

export type Invoke = (slug: string, fixtures: Fixtures) => Promise<unknown>;

export interface Row {
  id: string;
  access: Access;
  /** The entry belongs to a tenant's console: run for the own and the other tenant. */
  tenantScoped: boolean;
  invoke: Invoke;
  /** Calls the entry in the own tenant with another tenant's object id. */
  foreign?: Invoke;
}

export const form = (fields: Record<string, string | string[]> = {}) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

type Fn = (...args: unknown[]) => Promise<unknown>;
async function exported(file: string, name: string): Promise<Fn> {
  const value = (await importAppModule(file))[name];
  if (typeof value !== "function") throw new Error(`${file} exports no function ${name}`);
  return value as Fn;
}

type Params = (fixtures: Fixtures) => Record<string, unknown>;

/** A page, rendered as Next renders it: its params (plus the tenant from the route) and no query. */
export function page(file: string, access: Access, params: Params = () => ({}), foreign?: Params): Row {
  const tenantScoped = access.kind === "permission";
  const call = (build: Params): Invoke => async (slug, fixtures) =>
    (await exported(file, "default"))({ params: Promise.resolve(tenantScoped ? { tenant: slug, ...build(fixtures) } : build(fixtures)), searchParams: Promise.resolve({}) });
  return { id: surfaceId("page", file), access, tenantScoped, invoke: call(params), ...(foreign ? { foreign: call(foreign) } : {}) };
}

/** A server action; `args` builds what the form would post (a tenant-bound action gets the slug first). */
export function action(file: string, name: string, access: Access, args: (fixtures: Fixtures) => unknown[], foreign?: (fixtures: Fixtures) => unknown[]): Row {
  const tenantScoped = access.kind === "permission";
  const call = (build: (fixtures: Fixtures) => unknown[]): Invoke => async (slug, fixtures) => (await exported(file, name))(...(tenantScoped ? [slug] : []), ...build(fixtures));
  return { id: surfaceId("action", file, name), access, tenantScoped, invoke: call(args), ...(foreign ? { foreign: call(foreign) } : {}) };
}

const ORIGIN = "http://localhost:3000";

/** A route handler, with a same-origin request (as a browser on our own page would send it). */
export function route(file: string, method: string, access: Access, url: (slug: string) => string, params: (slug: string) => Record<string, unknown>): Row {
  const tenantScoped = access.kind === "permission";
  const invoke: Invoke = async (slug) => {
    const body = method === "GET" || method === "HEAD" ? undefined : new URLSearchParams();
    const request = new NextRequest(new URL(url(slug), ORIGIN), { method, body, headers: { origin: ORIGIN, host: new URL(ORIGIN).host } });
    const response = await (await exported(file, method))(request, { params: Promise.resolve(params(slug)) });
    // Read the whole body: a failure while streaming it would be a broken answer too.
    if (response instanceof Response) await response.clone().arrayBuffer();
    return response;
  };
  return { id: surfaceId("route", file, method), access, tenantScoped, invoke };
}

export const can = (permission: Permission): Access => ({ kind: "permission", permission });
export const SIGNED_IN: Access = { kind: "signedIn" };
export const MFA_SESSION: Access = { kind: "mfaSession" };
export const PUBLIC: Access = { kind: "public" };
export const SIGNED_REQUEST: Access = { kind: "signedRequest" };
