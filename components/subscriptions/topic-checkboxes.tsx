export interface TopicOption {
  value: string;
  label: string;
  hint?: string;
}

/** A fieldset of topic checkboxes (each with an optional hint); errors are announced with the group. */
export function TopicCheckboxes({ idPrefix, legend, options, checked, errors }: { idPrefix: string; legend: string; options: readonly TopicOption[]; checked: readonly string[]; errors?: readonly string[] }) {
  const errorId = errors?.length ? `${idPrefix}-topics-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <ul className="mt-2 space-y-2">
        {options.map((option) => {
          const id = `${idPrefix}-topic-${option.value}`;
          return (
            <li key={option.value} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                name="topics"
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-slate-900"
              />
              <span className="text-sm leading-snug">
                <label htmlFor={id} className="font-medium text-slate-900">
                  {option.label}
                </label>
                {option.hint ? (
                  <span id={`${id}-hint`} className="block text-slate-600">
                    {option.hint}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {errorId ? (
        <p id={errorId} data-testid="error-topics" className="mt-2 text-sm font-medium text-rose-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
