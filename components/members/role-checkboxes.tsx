import type { StaffRole } from "@/lib/auth/permissions";

export interface RoleOption {
  role: StaffRole;
  label: string;
  help: string;
}

export interface RoleCheckboxesProps {
  /** Unique per page: ids of the inputs and their help texts derive from it. */
  idPrefix: string;
  legend: string;
  options: readonly RoleOption[];
  checked: readonly string[];
  /** OWNER shown ticked and locked (the last owner keeps it); submitted through a hidden input. */
  lockedOwner?: boolean;
  /** OWNER not offered at all (only an owner grants it). */
  hideOwner?: boolean;
  hint?: string;
  errors?: readonly string[];
}

/** A fieldset of role checkboxes, each with a short description; errors are announced with the group. */
export function RoleCheckboxes({ idPrefix, legend, options, checked, lockedOwner, hideOwner, hint, errors }: RoleCheckboxesProps) {
  const errorId = errors?.length ? `${idPrefix}-roles-error` : undefined;
  const hintId = hint ? `${idPrefix}-roles-hint` : undefined;
  const shown = options.filter((option) => !(hideOwner && option.role === "OWNER"));
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={errorId ? true : undefined}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      {lockedOwner ? <input type="hidden" name="roles" value="OWNER" /> : null}
      <ul className="mt-2 space-y-2">
        {shown.map((option) => {
            const id = `${idPrefix}-role-${option.role}`;
            const locked = lockedOwner && option.role === "OWNER";
            return (
              <li key={option.role} className="flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  name={locked ? undefined : "roles"}
                  value={option.role}
                  defaultChecked={locked || checked.includes(option.role)}
                  disabled={locked}
                  aria-describedby={`${id}-help`}
                  className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-slate-900"
                />
                <span className="text-sm leading-snug">
                  <label htmlFor={id} className="font-medium text-slate-900">
                    {option.label}
                  </label>
                  <span id={`${id}-help`} className="block text-slate-600">
                    {option.help}
                  </span>
                </span>
              </li>
            );
          })}
      </ul>
      {hint ? (
        <p id={hintId} className="mt-2 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} data-testid="error-roles" className="mt-2 text-sm font-medium text-rose-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
