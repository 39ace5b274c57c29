/** Shown once, right after they were created: the user must store them now. */
export function RecoveryCodes({ codes, title, hint }: { codes: string[]; title: string; hint: string }) {
  return (
    <section aria-labelledby="recovery-codes-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <h3 id="recovery-codes-title" className="font-semibold text-amber-950">
        {title}
      </h3>
      <p className="mt-1 text-sm text-amber-950">{hint}</p>
      <ol className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 ring-1 ring-amber-200">
            {code}
          </li>
        ))}
      </ol>
    </section>
  );
}
