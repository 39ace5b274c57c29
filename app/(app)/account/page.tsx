import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { loadAccountOverview } from "@/server/account/overview";
import { customerRequestCount } from "@/server/attestations/queries";
import { guardAccountPage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { session } = await guardAccountPage("/account");
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "account" });
  const tc = await getTranslations({ locale, namespace: "console" });
  const ts = await getTranslations({ locale, namespace: "subscriptions" });
  const overview = await loadAccountOverview(session.user.id);
  const ta = await getTranslations({ locale, namespace: "attestations" });
  const requestCount = await customerRequestCount(session.user.id);
  return (
    <AppShell locale={locale} path="/account">
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("overview.title")}</h1>
          <p className="mt-1 text-slate-700" data-testid="account-email">
            {t("overview.signedInAs", { email: session.user.email })}
          </p>
        </div>
        <TrustCenterList id="consoles" title={t("overview.consoles")} items={overview.consoles.map((c) => ({ key: c.slug, href: `/${c.slug}/admin`, name: c.name, detail: c.roles.map((role) => tc(`roles.${role}`)).join(", ") }))} />
        <TrustCenterList id="customer-of" title={t("overview.customerOf")} items={overview.customerOf.map((c) => ({ key: c.slug, href: `/${c.slug}`, name: c.name, detail: c.companyName }))} />
        {overview.consoles.length === 0 && overview.customerOf.length === 0 ? (
          <EmptyState title={t("overview.emptyTitle")}>{t("overview.emptyBody")}</EmptyState>
        ) : null}
        <p>
          <Link href="/new" className="font-medium" data-testid="create-trust-center">
            {t("overview.createTrustCenter")}
          </Link>
        </p>
        <section aria-labelledby="attestations" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="attestations" className="text-lg font-semibold">
            {ta("account.sectionTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{ta("account.sectionBody", { count: requestCount })}</p>
          <Link href="/account/attestations" className="mt-2 inline-block font-medium" data-testid="account-attestations-link">
            {ta("account.sectionLink")}
          </Link>
        </section>
        <section aria-labelledby="security" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="security" className="text-lg font-semibold">
            {t("overview.security")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{session.user.totpEnabled ? t("overview.mfaOn") : t("overview.mfaOff")}</p>
          <Link href="/account/security" className="mt-2 inline-block font-medium">
            {t("overview.manageSecurity")}
          </Link>
        </section>
        <p>
          <Link href="/account/subscriptions" className="font-medium" data-testid="subscriptions-link">
            {ts("account.overviewLink")}
          </Link>
        </p>
      </div>
    </AppShell>
  );
}

/** A titled list of trust centers with one line of detail each; nothing when the list is empty. */
function TrustCenterList({ id, title, items }: { id: string; title: string; items: { key: string; href: string; name: string; detail: string }[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {items.map((item) => (
          <li key={item.key} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href={item.href} className="font-medium">
              {item.name}
            </Link>
            <span className="text-sm text-slate-600">{item.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
