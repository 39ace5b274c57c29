import type { ReactNode, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A labelled textarea whose errors are announced with it, like components/ui/field.tsx for inputs. */
export function TextareaField({ id, name, label, hint, errors, className, ...textarea }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & { id: string; name: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[] }) {
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
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn("block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm leading-relaxed text-slate-900 shadow-sm focus:border-slate-900", errorId ? "border-rose-600" : "border-slate-300")}
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
