"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button";

/** Disabled while its form is submitting, so a double click submits once. */
export function SubmitButton({ children, variant = "primary", pendingLabel, name, value, className }: { children: ReactNode; variant?: ButtonVariant; pendingLabel?: string; name?: string; value?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={buttonClass(variant, className)}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
