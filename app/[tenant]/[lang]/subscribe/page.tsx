import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SUBSCRIPTION_TOPICS } from "@/lib/validation/subscriptions";
import { trustCenterHref } from "@/lib/trust-center/links";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";
import { subscribeAction } from "./actions";

// The subscribe form. Cached like every public page (nothing here reads the request); the form
// posts to a server action, which answers without a cookie and also works without JavaScript.
export const revalidate = false;

type Props = { params: Promise<TrustCenterParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  return { title: (await getTranslations({ locale, namespace: "subscriptions" }))("form.title") };
}

export default async function SubscribePage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  return (
    <TenantShell context={context} path="/subscribe">
      <div className="max-w-xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("form.title")}</h1>
        <p className="mt-3 text-slate-700">{t("form.intro", { tenant: tenant.name })}</p>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SubscribeForm
            action={subscribeAction.bind(null, tenant.slug, lang)}
            topics={SUBSCRIPTION_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`), hint: t(`topicHints.${topic}`) }))}
            locales={tenant.locales.map((value) => ({ value, label: t(`locales.${value}`) }))}
            defaultLocale={locale}
            labels={{ email: t("form.email"), locale: t("form.locale"), topics: t("form.topics"), submit: t("form.submit"), pending: t("form.pending") }}
          />
        </div>
        <p className="mt-6 text-sm text-slate-700">
          <a href={trustCenterHref(tenant.slug, "/feed.xml", lang)} className="underline">
            {t("form.feedHint")}
          </a>
        </p>
      </div>
    </TenantShell>
  );
}
