import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import { AppShell } from "@/components/app/app-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/server/db/client";
import { appLocale } from "@/server/i18n/app-locale";
import { localMailboxEnabled } from "@/server/mail/send";

export const metadata: Metadata = { title: "Local mailbox" };

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

// Development and demo only (no SMTP server configured, APP_ENV ≠ production): the mails the app
// would have sent. In production this page does not exist.
export default async function MailboxPage() {
  if (!localMailboxEnabled()) notFound();
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "account" });
  const db = await getDb();
  const messages = await db.mailboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <AppShell locale={locale} path="/mailbox">
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("mailbox.title")}</h1>
        <Notice tone="warning">{t("mailbox.notice")}</Notice>
        {messages.length === 0 ? (
          <EmptyState title={t("mailbox.emptyTitle")}>{t("mailbox.emptyBody")}</EmptyState>
        ) : (
          <ol className="space-y-4">
            {messages.map((message) => (
              <li key={message.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="mailbox-message">
                <p className="text-sm text-slate-600">
                  {t("mailbox.to", { to: message.to })} · {formatDateTime(message.createdAt, locale, "Europe/Berlin")}
                </p>
                <h2 className="mt-1 font-semibold">{message.subject}</h2>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">
                  {message.text.split(URL_PATTERN).map((part, index) =>
                    index % 2 === 1 ? (
                      <a key={index} href={part} className="break-all">
                        {part}
                      </a>
                    ) : (
                      part
                    ),
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </AppShell>
  );
}
