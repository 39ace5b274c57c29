import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> {
  name: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  formId: string;
}

/** A labelled multi-line field whose errors are announced with it, like components/ui/field. */
export function TextAreaField({ name, label, hint, errors, formId, className, ...textarea }: Props) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn("block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm", errorId ? "border-rose-600" : "border-slate-300")}
        {...textarea}
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
