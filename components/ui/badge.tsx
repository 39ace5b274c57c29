import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  brand: "bg-white text-slate-900 ring-brand",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-600/40",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/40",
  red: "bg-rose-50 text-rose-900 ring-rose-600/40",
  blue: "bg-sky-50 text-sky-900 ring-sky-600/40",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("badge", TONES[tone], className)}>
      {children}
    </span>
  );
}
