import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { PublicVerification } from "@/server/attestations/verify";
import { FileCheck, type FileCheckOutcome } from "./file-check";

const STATUS_TONE: Record<PublicVerification["status"], BadgeTone> = { valid: "green", expired: "amber", revoked: "red" };
const STATUS_PANEL: Record<PublicVerification["status"], string> = {
  valid: "border-emerald-300 bg-emerald-50",
  expired: "border-amber-300 bg-amber-50",
  revoked: "border-rose-300 bg-rose-50",
};

/** What /verify shows about one letter: its status first, then the facts it attests. */
export async function VerificationView({ verification: v, locale, fileOutcome }: { verification: PublicVerification; locale: Locale; fileOutcome: FileCheckOutcome | null }) {
  const t = await getTranslations({ locale, namespace: "letters" });
  // Calendar days read the same everywhere; the revocation instant in UTC is a day too.
  const day = (value: string) => formatDate(`${value.slice(0, 10)}T12:00:00Z`, locale, "UTC");
  const statusDate = v.status === "revoked" && v.revokedAt ? day(v.revokedAt) : day(v.validUntil);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{t("verify.eyebrow")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("verify.title")}</h1>
      </div>

      <section aria-labelledby="verify-status" className={`rounded-lg border p-5 ${STATUS_PANEL[v.status]}`} data-testid="verify-status" data-status={v.status}>
        <h2 id="verify-status" className="flex flex-wrap items-center gap-3 text-xl font-semibold">
          <Badge tone={STATUS_TONE[v.status]} className="text-sm">
            {t(`verify.status.${v.status}`)}
          </Badge>
          <span className="sr-only">: </span>
          <span>{v.issuer.name}</span>
        </h2>
        <p className="mt-2 text-slate-800">{t(`verify.statusText.${v.status}`, { issuer: v.issuer.name, company: v.recipient.company, date: statusDate })}</p>
        {v.status === "revoked" ? <p className="mt-2 text-sm text-slate-700">{t("verify.revocationReasonWithheld", { issuer: v.issuer.name })}</p> : null}
      </section>

      <dl className="grid gap-x-6 gap-y-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <Fact label={t("verify.issuer")} value={v.issuer.name} testId="verify-issuer" />
        <Fact label={t("verify.company")} value={v.recipient.company} testId="verify-company" />
        <Fact label={t("verify.issuedOn")} value={day(v.issueDate)} />
        <Fact label={t("verify.validUntil")} value={day(v.validUntil)} testId="verify-valid-until" />
        {v.revokedAt ? <Fact label={t("verify.revokedOn")} value={day(v.revokedAt)} testId="verify-revoked-on" /> : null}
        <Fact label={t("verify.code")} value={<span className="font-mono tracking-wide">{v.code}</span>} />
      </dl>

      <section aria-labelledby="verify-certifications">
        <h2 id="verify-certifications" className="text-lg font-semibold">
          {t("verify.certifications")}
        </h2>
        <ul className="mt-3 space-y-3" data-testid="verify-certifications">
          {v.certifications.map((c, index) => (
            <li key={`${c.framework}-${index}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{c.name}</h3>
              <p className="mt-1 text-sm text-slate-700" lang={v.locale}>
                {c.scope}
              </p>
              <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                <Fact label={t("verify.certifier")} value={c.certifier} small />
                {c.certificateNumber ? <Fact label={t("verify.certificateNumber")} value={c.certificateNumber} small /> : null}
              </dl>
              <p className="mt-2 text-sm text-slate-700">{t("verify.certificateValidity", { from: day(c.issuedAt), until: day(c.validUntil) })}</p>
            </li>
          ))}
        </ul>
      </section>

      <FileCheck
        code={v.code}
        sha256={v.sha256}
        initialOutcome={fileOutcome}
        texts={{
          heading: t("verify.file.heading"),
          text: t("verify.file.text"),
          drop: t("verify.file.drop"),
          choose: t("verify.file.choose"),
          submit: t("verify.file.submit"),
          checking: t("verify.file.checking"),
          match: t("verify.file.match"),
          mismatch: t("verify.file.mismatch"),
          missing: t("verify.file.missing"),
          tooLarge: t("verify.file.tooLarge"),
          fingerprint: t("verify.file.fingerprint"),
        }}
      />

      <p className="text-sm text-slate-600">{t("verify.privacy")}</p>
    </div>
  );
}

function Fact({ label, value, testId, small }: { label: string; value: React.ReactNode; testId?: string; small?: boolean }) {
  return (
    <div>
      <dt className={small ? "text-slate-600" : "text-sm text-slate-600"}>{label}</dt>
      <dd className={small ? "text-slate-900" : "mt-0.5 font-medium text-slate-900"} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
