import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  neutral: "border-slate-200 bg-white text-slate-800",
} as const;

/** A static notice (not a live region: it is part of the page, not an announcement). */
export function Notice({ tone = "info", children, testId }: { tone?: keyof typeof TONES; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} className={cn("rounded-lg border px-4 py-3 text-sm leading-relaxed", TONES[tone])}>
      {children}
    </div>
  );
}
