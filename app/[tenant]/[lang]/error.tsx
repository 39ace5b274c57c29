"use client";

import de from "@/messages/de/common.json";
import en from "@/messages/en/common.json";

// Error boundaries render on the client, where the page's locale is not known to a component;
// the message is short, so it is shown in both languages rather than shipping i18n code to the browser.
// A generic message with the digest the server logged; never a stack trace.
export default function TrustCenterError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const digest = error.digest ?? "–";
  return (
    <main id="content" className="mx-auto max-w-xl space-y-8 px-6 py-16" data-testid="error-page">
      {[{ lang: "de", m: de.error }, { lang: "en", m: en.error }].map(({ lang, m }) => (
        <section key={lang} lang={lang}>
          <h1 className="text-2xl font-semibold text-slate-900">{m.title}</h1>
          <p className="mt-3 text-slate-700">{m.body.replace("{digest}", digest)}</p>
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            {m.retry}
          </button>
        </section>
      ))}
    </main>
  );
}
