import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

interface FrameProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translated messages shown next to the field. */
  errors?: readonly string[];
  /** Ids are derived from the form id and the name, so two forms on a page never clash. */
  formId?: string;
  /** An explicit id instead of the derived one. */
  id?: string;
  className?: string;
}

interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  invalid: boolean;
}

/** Label, hint and errors around one control; the control announces both (aria-invalid + aria-describedby). */
function FieldFrame({ name, label, hint, errors, formId, id: explicitId, className, control }: FrameProps & { control: (props: ControlProps) => ReactNode }) {
  const id = explicitId ?? `${formId ? `${formId}-` : ""}${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {control({ id, name, "aria-invalid": errorId ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined, invalid: Boolean(errorId) })}
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

const controlClass = (invalid: boolean, extra: string) =>
  cn("block w-full rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-slate-900", extra, invalid ? "border-rose-600" : "border-slate-300");

type FieldProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">;

/** Input attributes for a host or domain name: no autocorrect, capitalization or autofill, a URL keyboard. */
export const HOSTNAME_INPUT = { inputMode: "url", autoComplete: "off", autoCapitalize: "none", spellCheck: false } as const;

/** A labelled input whose errors are announced with it. */
export function Field({ name, label, hint, errors, formId, id, className, ...input }: FieldProps) {
  return (
    <FieldFrame
      {...{ name, label, hint, errors, formId, id, className }}
      control={({ invalid, ...aria }) => <input {...aria} className={controlClass(invalid, "text-base placeholder:text-slate-500 sm:text-sm")} {...input} />}
    />
  );
}

type TextareaFieldProps = FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className"> & {
  /** Source text (Markdown): a monospaced face keeps its markup readable. */
  monospace?: boolean;
};

/** A labelled multi-line field whose errors are announced with it. */
export function TextareaField({ name, label, hint, errors, formId, id, className, monospace = false, rows = 3, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame
      {...{ name, label, hint, errors, formId, id, className }}
      control={({ invalid, ...aria }) => (
        <textarea {...aria} rows={rows} className={controlClass(invalid, monospace ? "font-mono text-sm leading-relaxed" : "text-base sm:text-sm")} {...textarea} />
      )}
    />
  );
}
