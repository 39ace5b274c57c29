import { getTranslations } from "next-intl/server";
import type { AttestationStateName } from "@/lib/attestations/transitions";
import type { Locale } from "@/lib/i18n/locales";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<AttestationStateName, BadgeTone> = {
  SUBMITTED: "blue",
  IN_REVIEW: "blue",
  INFO_REQUESTED: "amber",
  APPROVED: "green",
  ISSUED: "green",
  REJECTED: "red",
  WITHDRAWN: "neutral",
  EXPIRED: "neutral",
  REVOKED: "red",
};

export async function StateBadge({ state, locale }: { state: AttestationStateName; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "attestations" });
  return (
    <span data-testid="request-state" data-state={state}>
      <Badge tone={TONE[state]}>{t(`state.${state}`)}</Badge>
    </span>
  );
}
