import type { ReactNode } from "react";
import { cn } from "./cn";

/** A form-level outcome, announced to screen readers when it appears. */
export function FormAlert({ tone, children, testId = "form-alert" }: { tone: "error" | "success"; children: ReactNode; testId?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        tone === "error" ? "border-rose-300 bg-rose-50 text-rose-900" : "border-emerald-300 bg-emerald-50 text-emerald-900",
      )}
    >
      {children}
    </div>
  );
}
