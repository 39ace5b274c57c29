"use client";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { SavedSectionText } from "@/lib/validation/measures-editor-state";
import { Button } from "@/components/ui/button";

export interface ConflictLabels {
  heading: string;
  /** With {name} and {time}. */
  conflict: string;
  gone: string;
  theirs: string;
  yours: string;
  useTheirs: string;
  someone: string;
}

/**
 * Someone saved the section after this form was opened: their text next to the editor's own (still
 * in the form), so the two can be merged. Nothing was overwritten.
 */
export function ConflictPanel({ theirs, yours, labels, locale, timeZone, onUseTheirs }: { theirs: SavedSectionText | null; yours: { title: string; body: string }; labels: ConflictLabels; locale: Locale; timeZone: string; onUseTheirs: () => void }) {
  const intro = theirs
    ? labels.conflict.replace("{name}", theirs.updatedBy ?? labels.someone).replace("{time}", formatDateTime(theirs.updatedAt, locale, timeZone))
    : labels.gone;
  return (
    <section role="alert" aria-labelledby="conflict-heading" data-testid="save-conflict" className="space-y-4 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 id="conflict-heading" className="font-semibold">{labels.heading}</h2>
      <p className="text-sm leading-relaxed">{intro}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {theirs ? (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{labels.theirs}</h3>
            <div data-testid="conflict-theirs" className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md border border-amber-300 bg-white p-3 text-sm text-slate-900">
              {theirs.title ? <p className="mb-2 font-semibold">{theirs.title}</p> : null}
              {theirs.body}
            </div>
            <Button variant="secondary" onClick={onUseTheirs}>{labels.useTheirs}</Button>
          </div>
        ) : null}
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{labels.yours}</h3>
          <div data-testid="conflict-yours" className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md border border-amber-300 bg-white p-3 text-sm text-slate-900">
            {yours.title ? <p className="mb-2 font-semibold">{yours.title}</p> : null}
            {yours.body}
          </div>
        </div>
      </div>
    </section>
  );
}
