import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { TokenForm } from "@/components/subscriptions/token-form";
import { unsubscribeAction } from "./actions";

// Where an email's unsubscribe link leads in a browser (mail clients with one-click POST to
// /api/unsubscribe/... instead). Showing it changes nothing; the button unsubscribes.
export const dynamic = "force-dynamic";

type Props = { params: Promise<TrustCenterParams & { token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  return { title: (await getTranslations({ locale, namespace: "subscriptions" }))("unsubscribe.title"), robots: { index: false } };
}

export default async function UnsubscribePage({ params }: Props) {
  const context = await trustCenterContext(params);
  // Rendered per request, so the status is sent before a boundary could change it: a plain notFound()
  // keeps the 404 (its body needs JavaScript, see components/trust-center/not-found-page.tsx).
  if (!context) notFound();
  const { token } = await params;
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  return (
    <TenantShell context={context} path={`/unsubscribe/${token}`}>
      <div className="max-w-xl space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight">{t("unsubscribe.title")}</h1>
        <p className="text-slate-700">{t("unsubscribe.intro", { tenant: tenant.name })}</p>
        <TokenForm action={unsubscribeAction.bind(null, tenant.slug, lang)} token={token} label={t("unsubscribe.button")} pendingLabel={t("unsubscribe.pending")} testId="unsubscribe" variant="danger" />
      </div>
    </TenantShell>
  );
}
