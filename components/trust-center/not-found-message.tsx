import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

/** The localized 404 body; the locale was registered by the surrounding root layout. */
export async function NotFoundMessage() {
  const t = await getTranslations({ locale: await getLocale(), namespace: "common" });
  return (
    <main id="content" className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-16" data-testid="not-found">
      <p className="text-sm font-semibold text-slate-600">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{t("notFound.title")}</h1>
      <p className="mt-4 leading-relaxed text-slate-700">{t("notFound.body")}</p>
      <p className="mt-8">
        <Link href="/" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-slate-700">
          {t("notFound.home")}
        </Link>
      </p>
    </main>
  );
}
