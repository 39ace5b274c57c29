import { notFound } from "next/navigation";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// Unknown paths below Vouchsafe's own pages get the site's localized 404.
export default function UnknownSitePage(): never {
  notFound();
}
