import { getTranslations } from "next-intl/server";
import { TENANT_DEFAULT_SEGMENT } from "@/lib/i18n/locales";
import type { PublicVersion } from "@/lib/trust-center/types";
import type { CompareProblem } from "@/lib/trust-center/versions";
import type { TrustCenterContext } from "@/server/trust-center/page-context";
import { Notice } from "@/components/ui/notice";

interface Props {
  context: TrustCenterContext;
  versions: PublicVersion[];
  /** Why the picker is shown; null when it is shown as a plain form (e.g. under a redline). */
  problem: CompareProblem | null;
  from: number | null;
  to: number | null;
  heading?: "h1" | "h2";
}

/** A GET form onto the public compare URL: works without JavaScript and yields a shareable link. */
export async function VersionPicker({ context, versions, problem, from, to, heading = "h1" }: Props) {
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const Heading = heading;
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const defaultTo = to ?? newestFirst[0]?.number;
  const defaultFrom = from ?? newestFirst[1]?.number;
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";
  return (
    <section aria-labelledby="picker-heading" className={heading === "h1" ? "max-w-2xl" : "print-hidden"}>
      <Heading id="picker-heading" className={heading === "h1" ? "text-3xl font-semibold tracking-tight" : "text-lg font-semibold"}>
        {t("compare.pickerTitle")}
      </Heading>
      {problem ? (
        <div className="mt-4">
          <Notice tone="warning" testId="compare-problem">{t(`compare.problem.${problem}`)}</Notice>
        </div>
      ) : null}
      {heading === "h1" ? <p className="mt-4 text-slate-700">{t("compare.pickerIntro")}</p> : null}
      {versions.length < 2 ? (
        <p className="mt-4 text-slate-700" data-testid="empty-state">{t("compare.onlyOneVersion")}</p>
      ) : (
        <form method="get" action={`/${tenant.slug}/measures/compare`} className="mt-6 grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="compare-from" className="text-sm font-medium text-slate-800">{t("compare.from")}</label>
            <select id="compare-from" name="from" defaultValue={defaultFrom} className={select}>
              {newestFirst.map((v) => <option key={v.number} value={v.number}>{t("version", { number: v.number })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="compare-to" className="text-sm font-medium text-slate-800">{t("compare.to")}</label>
            <select id="compare-to" name="to" defaultValue={defaultTo} className={select}>
              {newestFirst.map((v) => <option key={v.number} value={v.number}>{t("version", { number: v.number })}</option>)}
            </select>
          </div>
          {lang !== TENANT_DEFAULT_SEGMENT ? <input type="hidden" name="lang" value={lang} /> : null}
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white shadow-sm hover:bg-slate-700">
            {t("compare.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
