import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { createDomainDirectory, loadCustomDomains, type DomainTable } from "./domains";

connectTestDatabase();

// Tenants of this file's own (the shared test database may or may not hold the demo data).
const suffix = Math.random().toString(36).slice(2, 8);
const WITH_DOMAIN = { slug: `domains-a-${suffix}`, name: "Domains A", customDomain: `trust.domains-a-${suffix}.example` };
const WITHOUT_DOMAIN = { slug: `domains-b-${suffix}`, name: "Domains B" };

beforeAll(async () => {
  const db = await getDb();
  await db.tenant.createMany({ data: [WITH_DOMAIN, WITHOUT_DOMAIN] });
});
afterAll(closeDb);

/** A directory over a fake table, counting loads, on a clock the test moves. */
function fakeDirectory(tables: Array<DomainTable | Error>) {
  let clock = 1_000_000;
  const errors: unknown[] = [];
  const state = { loads: 0 };
  const directory = createDomainDirectory({
    ttlMs: 30_000,
    now: () => clock,
    onError: (error) => errors.push(error),
    load: async () => {
      const next = tables[Math.min(state.loads, tables.length - 1)]!;
      state.loads += 1;
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { directory, state, errors, advance: (ms: number) => (clock += ms) };
}

const MPMX = new Map([["trust.mpmx.example", "mpmx"]]);

describe("createDomainDirectory", () => {
  it("maps a normalized Host header to the tenant slug, and anything else to null", async () => {
    const { directory } = fakeDirectory([MPMX]);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    expect(await directory.slugForHost("TRUST.mpmx.example:8443")).toBe("mpmx");
    expect(await directory.slugForHost("trust.mpmx.example.")).toBe("mpmx");
    expect(await directory.slugForHost("mpmx.example")).toBeNull();
    expect(await directory.slugForHost("evil.trust.mpmx.example")).toBeNull();
    expect(await directory.slugForHost(null)).toBeNull();
    expect(await directory.slugForHost("trust.mpmx.example/admin")).toBeNull();
  });

  it("loads the table once per TTL however many hosts are asked for, concurrently or not", async () => {
    const { directory, state, advance } = fakeDirectory([MPMX, new Map([["trust.nordlicht.example", "nordlicht"]])]);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => directory.slugForHost(`made-up-${i}.example`)));
    expect(answers.every((answer) => answer === null)).toBe(true);
    expect(state.loads).toBe(1);
    advance(29_999);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    expect(state.loads).toBe(1);
    advance(1);
    // After the TTL the new table applies: MPMX's domain was removed, Nordlicht's added.
    expect(await directory.slugForHost("trust.mpmx.example")).toBeNull();
    expect(await directory.slugForHost("trust.nordlicht.example")).toBe("nordlicht");
    expect(state.loads).toBe(2);
  });

  it("keeps the last table when a reload fails, and retries after 5 s rather than per request", async () => {
    const { directory, state, errors, advance } = fakeDirectory([MPMX, new Error("database down"), new Map()]);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    advance(30_000);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    expect(state.loads).toBe(2);
    expect(errors).toEqual([new Error("database down")]);
    advance(4_999);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    expect(state.loads).toBe(2);
    advance(1);
    expect(await directory.slugForHost("trust.mpmx.example")).toBeNull();
    expect(state.loads).toBe(3);
  });

  it("treats no host as a custom domain while the first load fails", async () => {
    const { directory, errors } = fakeDirectory([new Error("database down")]);
    expect(await directory.slugForHost("trust.mpmx.example")).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it("forget() makes the next lookup reload", async () => {
    const { directory, state } = fakeDirectory([MPMX, new Map()]);
    expect(await directory.slugForHost("trust.mpmx.example")).toBe("mpmx");
    directory.forget();
    expect(await directory.slugForHost("trust.mpmx.example")).toBeNull();
    expect(state.loads).toBe(2);
  });
});

describe("loadCustomDomains on the database", () => {
  it("holds every tenant's custom domain, and only tenants that have one", async () => {
    const table = await loadCustomDomains();
    expect(table.get(WITH_DOMAIN.customDomain)).toBe(WITH_DOMAIN.slug);
    expect([...table.values()]).not.toContain(WITHOUT_DOMAIN.slug);
    for (const [host, slug] of table) expect(host, slug).toBe(host.toLowerCase());
  });

  it("is readable by the app's role outside any tenant context (the proxy has none)", async () => {
    const db = await getDb();
    const rows = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL ROLE app_user`;
      return tx.tenant.findMany({ where: { customDomain: WITH_DOMAIN.customDomain }, select: { slug: true, customDomain: true } });
    });
    expect(rows).toEqual([{ slug: WITH_DOMAIN.slug, customDomain: WITH_DOMAIN.customDomain }]);
  });
});
