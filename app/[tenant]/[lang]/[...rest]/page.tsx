import { trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// Any unknown path below a tenant renders the tenant's localized 404.
export default async function UnknownTrustCenterPage({ params }: { params: Promise<TrustCenterParams> }) {
  await trustCenterRoute(params);
  return <NotFoundPage />;
}
