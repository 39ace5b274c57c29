import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translated messages shown next to the field. */
  errors?: readonly string[];
  /** Ids are derived from the form id and the name, so two forms on a page never clash. */
  formId?: string;
}

/** A labelled input whose errors are announced with it (aria-invalid + aria-describedby). */
export function Field({ name, label, hint, errors, formId, className, ...input }: FieldProps) {
  const id = `${formId ? `${formId}-` : ""}${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-slate-900 sm:text-sm",
          errorId ? "border-rose-600" : "border-slate-300",
        )}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} data-testid={`error-${name}`} className="text-sm font-medium text-rose-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
