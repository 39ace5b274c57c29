import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SUBSCRIPTION_TOPICS } from "@/lib/validation/subscriptions";
import { AppShell } from "@/components/app/app-shell";
import { OwnSubscription } from "@/components/subscriptions/own-subscription";
import { Badge } from "@/components/ui/badge";
import { FormAlert } from "@/components/ui/form-alert";
import { guardAccountPage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listOwnSubscriptions } from "@/server/subscriptions/account";
import { saveSubscriptionTopicsAction, unsubscribeOwnAction } from "./actions";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function AccountSubscriptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session } = await guardAccountPage("/account/subscriptions");
  const { notice } = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  const subscriptions = await listOwnSubscriptions(session.user.id);
  const topics = SUBSCRIPTION_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }));
  return (
    <AppShell locale={locale} path="/account/subscriptions" width="narrow">
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("account.title")}</h1>
          <p className="mt-1 text-slate-700">{t("account.intro", { email: session.user.email })}</p>
        </div>
        {notice === "unsubscribed" ? (
          <FormAlert tone="success" testId="unsubscribed">
            {t("account.unsubscribedNotice")}
          </FormAlert>
        ) : null}
        {subscriptions.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="empty-state">
            {t("account.empty")}
          </p>
        ) : (
          <ul className="space-y-4">
            {subscriptions.map((subscription) => (
              <li key={subscription.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="own-subscription">
                <div className="mb-3 flex flex-wrap items-center gap-3">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/${subscription.tenantSlug}`}>{subscription.tenantName}</Link>
                  </h2>
                  <Badge tone={subscription.confirmed ? "green" : "amber"}>{subscription.confirmed ? t("account.confirmed") : t("account.pending")}</Badge>
                  <span className="text-sm text-slate-600">
                    {t("account.language")}: {t(`locales.${subscription.locale === "en" ? "en" : "de"}`)}
                  </span>
                </div>
                <OwnSubscription
                  id={subscription.id}
                  topics={topics}
                  checked={subscription.topics}
                  save={saveSubscriptionTopicsAction}
                  unsubscribe={unsubscribeOwnAction}
                  labels={{ topics: t("account.topics"), save: t("account.save"), saving: t("account.saving"), unsubscribe: t("account.unsubscribe"), unsubscribing: t("account.unsubscribing") }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </AppShell>
  );
}
