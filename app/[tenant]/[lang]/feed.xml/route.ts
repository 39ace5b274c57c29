import { createTranslator } from "next-intl";
import { formatDate } from "@/lib/dates";
import { buildAtomFeed } from "@/lib/trust-center/atom";
import { pickLocalized } from "@/lib/i18n/localized";
import { loadMessages } from "@/lib/i18n/messages";
import { trustCenterHref } from "@/lib/trust-center/links";
import { previousVersion } from "@/lib/trust-center/versions";
import { env } from "@/server/env";
import { getPublishedVersions } from "@/server/trust-center/queries";
import { findTenant, resolveLocale, type TrustCenterParams } from "@/server/trust-center/page-context";

export const revalidate = false;
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** Atom feed: one entry per published version, each linking the redline against its predecessor. */
export async function GET(_request: Request, { params }: { params: Promise<TrustCenterParams> }) {
  const { tenant: slug, lang } = await params;
  const tenant = await findTenant(slug);
  if (!tenant) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const locale = resolveLocale(lang, tenant);
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "measures" });
  const origin = env().APP_ORIGIN.replace(/\/$/, "");
  const versions = await getPublishedVersions(tenant);
  const absolute = (path: string, query?: Record<string, number>) => origin + trustCenterHref(tenant.slug, path, lang, query);
  const latestTitle = versions[0] ? pickLocalized(versions[0].title, locale, tenant.defaultLocale)?.value : undefined;

  const xml = buildAtomFeed({
    id: absolute("/feed.xml"),
    title: t("feed.title", { tenant: tenant.name, document: latestTitle ?? t("home.measuresTitle") }),
    selfUrl: absolute("/feed.xml"),
    alternateUrl: absolute("/measures/versions"),
    updated: versions[0]?.publishedAt ?? new Date(0).toISOString(),
    language: locale,
    author: tenant.name,
    entries: versions.map((version) => {
      const previous = previousVersion(versions, version.number);
      const summary = pickLocalized(version.changeSummary, locale, tenant.defaultLocale)?.value ?? "";
      const link = previous ? absolute("/measures/compare", { from: previous.number, to: version.number }) : absolute(`/measures/v/${version.number}`);
      return {
        id: `${origin}/${tenant.slug}/measures/v/${version.number}`,
        title: t("feed.entryTitle", { number: version.number, date: formatDate(version.effectiveAt, locale, tenant.timeZone) }),
        link,
        published: version.publishedAt,
        updated: version.publishedAt,
        summary: t("feed.entryBody", { kind: t(`changeKind.${version.changeKind}`), summary }),
      };
    }),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
