import { cn } from "@/components/ui/cn";

export type ChangeKindValue = "" | "EDITORIAL" | "MATERIAL";

/** Editorial or material (or, for an unchanged section, none), as radio buttons with their error. */
export function ChangeKindField({ idPrefix, value, onChange, legend, hint, options, errors, allowNone }: {
  idPrefix: string;
  value: ChangeKindValue;
  onChange: (value: ChangeKindValue) => void;
  legend: string;
  hint?: string;
  options: { none: string; EDITORIAL: string; MATERIAL: string };
  errors?: readonly string[];
  allowNone: boolean;
}) {
  const choices: ChangeKindValue[] = allowNone ? ["", "EDITORIAL", "MATERIAL"] : ["EDITORIAL", "MATERIAL"];
  const errorId = errors?.length ? `${idPrefix}-changeKind-error` : undefined;
  const hintId = hint ? `${idPrefix}-changeKind-hint` : undefined;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      {hint ? <p id={hintId} className="text-sm text-slate-600">{hint}</p> : null}
      <div className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <label
            key={choice || "none"}
            className={cn(
              "flex min-h-10 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-slate-900",
              value === choice ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-900",
              errorId && "border-rose-600",
            )}
          >
            <input type="radio" name="changeKind" value={choice} checked={value === choice} onChange={() => onChange(choice)} className="sr-only" />
            {choice === "" ? options.none : options[choice]}
          </label>
        ))}
      </div>
      {errorId ? <p id={errorId} data-testid="error-changeKind" className="text-sm font-medium text-rose-700">{errors!.join(" ")}</p> : null}
    </fieldset>
  );
}
