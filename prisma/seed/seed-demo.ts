// Seeds the demo tenants into an EMPTY database (first start, `npm run db:seed`). Each published
// version is written as a draft with its sections and then published, as the publishing workflow
// will: the database refuses to touch sections of a version once it is published.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { startOfDayInZone } from "@/lib/dates";
import { parseMeasures } from "@/lib/measures/parse";
import type { ParsedDocument } from "@/lib/measures/parse";
import { getDb, withTenant } from "@/server/db/client";
import { seedDemoAccounts } from "./demo-accounts";
import { seedDemoLetter } from "./demo-letter";
import { seedDemoNda } from "./demo-nda";
import { DEMO_TENANT_STYLE } from "./demo-data";

const SEED_DATA = new URL("../seed-data/", import.meta.url);
const TIME_ZONE = "Europe/Berlin";

const localized = z.object({ de: z.string().min(1), en: z.string().min(1) });
const manifestSchema = z.record(
  z.string(),
  z.object({
    name: z.string().min(1),
    description: localized,
    versions: z.array(
      z.object({
        number: z.number().int().positive(),
        file: z.string().regex(/^[a-z0-9-]+$/),
        effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        publishedAt: z.iso.datetime(),
        changeKind: z.enum(["EDITORIAL", "MATERIAL"]),
        changeSummary: localized,
      }),
    ),
  }),
);

function readDocument(slug: string, file: string, locale: "de" | "en"): ParsedDocument {
  const path = new URL(`${slug}/${file}.${locale}.txt`, SEED_DATA);
  const result = parseMeasures(readFileSync(path, "utf8"));
  if (!result.ok) throw new Error(`${path.pathname}: ${result.errors.map((e) => `line ${e.line}: ${e.code}`).join(", ")}`);
  return result.document;
}

/** The English text is a translation: same sections in the same order, so it takes the German keys. */
function translationSections(original: ParsedDocument, translation: ParsedDocument, label: string) {
  const same =
    original.sections.length === translation.sections.length &&
    original.sections.every((s, i) => s.number === translation.sections[i]?.number) &&
    original.effectiveDate === translation.effectiveDate;
  if (!same) throw new Error(`${label}: the English text does not match the German structure`);
  return translation.sections.map((section, i) => ({ ...section, key: original.sections[i]!.key }));
}

export function loadDemoManifest() {
  return manifestSchema.parse(JSON.parse(readFileSync(new URL("versions.json", SEED_DATA), "utf8")));
}

/** Returns false (and writes nothing) when the database already holds tenants. */
export async function seedDemoData(): Promise<boolean> {
  const db = await getDb();
  if ((await db.tenant.count()) > 0) return false;
  const manifest = loadDemoManifest();
  const tenantIds: Record<string, string> = {};
  for (const [slug, tenantData] of Object.entries(manifest)) {
    const style = DEMO_TENANT_STYLE[slug];
    if (!style) throw new Error(`no demo style for ${slug}`);
    const tenant = await db.tenant.create({
      data: {
        slug,
        name: tenantData.name,
        description: tenantData.description,
        defaultLocale: "de",
        locales: ["de", "en"],
        timeZone: TIME_ZONE,
        brandColor: style.brandColor,
        logoSvg: style.logoSvg,
        customDomain: style.customDomain ?? null,
      },
    });
    tenantIds[slug] = tenant.id;
    await withTenant(tenant.id, async (tx) => {
      const document = await tx.measuresDocument.create({ data: { tenantId: tenant.id, key: "measures" } });
      for (const version of tenantData.versions) {
        const de = readDocument(slug, version.file, "de");
        const en = readDocument(slug, version.file, "en");
        if (de.effectiveDate !== version.effectiveDate) throw new Error(`${slug} ${version.file}: effective date ${de.effectiveDate} ≠ ${version.effectiveDate}`);
        const sections = [
          ...de.sections.map((s, position) => ({ ...s, position, locale: "de" })),
          ...translationSections(de, en, `${slug} ${version.file}`).map((s, position) => ({ ...s, position, locale: "en" })),
        ];
        const draft = await tx.measuresVersion.create({
          data: {
            tenantId: tenant.id,
            documentId: document.id,
            number: version.number,
            title: { de: de.title, en: en.title },
            changeSummary: version.changeSummary,
            changeKind: version.changeKind,
            sections: { createMany: { data: sections.map((s) => ({ ...s, tenantId: tenant.id })) } },
          },
        });
        await tx.measuresVersion.update({
          where: { id: draft.id },
          data: { status: "PUBLISHED", effectiveAt: startOfDayInZone(version.effectiveDate, TIME_ZONE), publishedAt: new Date(version.publishedAt) },
        });
      }
      await tx.certification.createMany({
        data: style.certifications.map((cert, position) => ({
          tenantId: tenant.id,
          position,
          framework: cert.framework,
          certifier: cert.certifier,
          certificateNumber: cert.certificateNumber,
          issuedAt: new Date(`${cert.issuedAt}T00:00:00Z`),
          validUntil: new Date(`${cert.validUntil}T00:00:00Z`),
          scope: cert.scope,
          summary: cert.summary,
        })),
      });
    });
  }
  await seedDemoAccounts(tenantIds);
  await seedDemoLetter(tenantIds);
  await seedDemoNda(tenantIds);
  return true;
}
