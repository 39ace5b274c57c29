import "server-only";
import { unstable_cache } from "next/cache";
import type { PublicCertification, PublicSection, PublicVersion } from "@/lib/trust-center/types";
import { tenantTag } from "./cache-tags";
import { loadCertifications, loadPublicTenant, loadPublishedVersions, loadVersionSections, type PublicTenant } from "./loaders";

export type { PublicTenant };

// The trust-center loaders, cached in Next's data cache under the tenant's tag: a page render on
// a cache miss shares their results, and publishing invalidates exactly one tenant's entries.
function cachedForTenant<A extends unknown[], R>(name: string, slug: string, load: (...args: A) => Promise<R>) {
  return unstable_cache(load, [name, slug], { tags: [tenantTag(slug)] });
}

export const getPublicTenant = (slug: string): Promise<PublicTenant | null> =>
  cachedForTenant("tenant", slug, loadPublicTenant)(slug);

export const getPublishedVersions = (tenant: PublicTenant): Promise<PublicVersion[]> =>
  cachedForTenant("versions", tenant.slug, loadPublishedVersions)(tenant.id);

export const getVersionSections = (tenant: PublicTenant, number: number): Promise<PublicSection[]> =>
  cachedForTenant("sections", tenant.slug, loadVersionSections)(tenant.id, number);

export const getCertifications = (tenant: PublicTenant): Promise<PublicCertification[]> =>
  cachedForTenant("certifications", tenant.slug, loadCertifications)(tenant.id);
