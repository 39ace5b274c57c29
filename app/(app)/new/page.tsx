import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateTenantForm } from "@/components/members/create-tenant-form";
import { guardAccountPage } from "@/server/auth/page-guard";
import { env } from "@/server/env";
import { appLocale } from "@/server/i18n/app-locale";
import { createTenantAction } from "./actions";

// Self-service: any signed-in user creates a trust center and becomes its owner.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "members" });
  return { title: t("new.title") };
}

export default async function NewTrustCenterPage() {
  await guardAccountPage("/new");
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "members" });
  return (
    <AppShell locale={locale} path="/new" width="narrow">
      <AuthCard title={t("new.title")} intro={t("new.intro")}>
        <CreateTenantForm
          action={createTenantAction}
          labels={{
            name: t("new.name"),
            nameHint: t("new.nameHint"),
            slug: t("new.slug"),
            slugHint: t("new.slugHint", { origin: env().APP_ORIGIN }),
            submit: t("new.submit"),
            pending: t("new.pending"),
          }}
        />
      </AuthCard>
    </AppShell>
  );
}
