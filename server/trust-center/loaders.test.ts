import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb } from "@/server/db/client";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { loadCertifications, loadPublicTenant, loadPublishedVersions, loadVersionSections } from "./loaders";

connectTestDatabase();

beforeAll(async () => {
  await seedDemoData();
});
afterAll(closeDb);

describe("trust-center loaders on the seeded database", () => {
  it("loads a tenant by slug and nothing for an unknown slug", async () => {
    const tenant = await loadPublicTenant("mpmx");
    expect(tenant).toMatchObject({ slug: "mpmx", name: "MPMX", defaultLocale: "de", locales: ["de", "en"], timeZone: "Europe/Berlin" });
    expect(await loadPublicTenant("does-not-exist")).toBeNull();
  });

  it("lists the published versions newest first with their dates", async () => {
    const tenant = (await loadPublicTenant("mpmx"))!;
    const versions = await loadPublishedVersions(tenant.id);
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    expect(versions.map((v) => v.effectiveAt)).toEqual(["2026-05-31T22:00:00.000Z", "2025-08-31T22:00:00.000Z"]);
    expect(versions[0]).toMatchObject({ changeKind: "MATERIAL", title: { de: "Informationssicherheitsmaßnahmen", en: "Information Security Measures" } });
  });

  it("loads the sections of one version in both locales with shared keys", async () => {
    const tenant = (await loadPublicTenant("mpmx"))!;
    const sections = await loadVersionSections(tenant.id, 2);
    const de = sections.filter((s) => s.locale === "de");
    const en = sections.filter((s) => s.locale === "en");
    expect(de.filter((s) => s.number !== null)).toHaveLength(12);
    expect(en.map((s) => s.key)).toEqual(de.map((s) => s.key));
    expect(de.find((s) => s.number === "3")).toMatchObject({ key: "verschluesselung", title: "Verschlüsselung" });
    expect(de[0]?.key).toBe("preamble");
    expect(de.at(-1)?.key).toBe("closing");
    expect(await loadVersionSections(tenant.id, 999)).toEqual([]);
  });

  it("keeps tenants apart: one tenant's version numbers and certifications are not another's", async () => {
    const mpmx = (await loadPublicTenant("mpmx"))!;
    const nordlicht = (await loadPublicTenant("nordlicht"))!;
    expect((await loadPublishedVersions(nordlicht.id)).map((v) => v.number)).toEqual([1]);
    expect(await loadVersionSections(nordlicht.id, 2)).toEqual([]);
    const nordlichtSections = await loadVersionSections(nordlicht.id, 1);
    const mpmxSections = await loadVersionSections(mpmx.id, 1);
    expect(nordlichtSections.some((s) => s.title === "Verschlüsselung")).toBe(false);
    expect(mpmxSections.some((s) => nordlichtSections.some((n) => n.body === s.body))).toBe(false);
    expect((await loadCertifications(mpmx.id)).map((c) => c.framework)).toEqual(["ISO_27001", "BSI_C5"]);
    expect((await loadCertifications(nordlicht.id)).map((c) => [c.framework, c.validUntil])).toEqual([["ISO_27001", "2026-01-31"]]);
  });
});
