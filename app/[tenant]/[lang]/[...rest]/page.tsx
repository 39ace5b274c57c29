import { notFound } from "next/navigation";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// Any unknown path below a tenant renders the tenant's localized 404.
export default function UnknownTrustCenterPage(): never {
  notFound();
}
