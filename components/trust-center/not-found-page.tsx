import { Suspense } from "react";
import { notFound } from "next/navigation";
import { NotFoundMessage } from "./not-found-message";

function AnswerNotFound(): never {
  notFound();
}

/**
 * What a public page renders for an unknown tenant, version or path: the localized 404 text in the
 * HTML itself, and a 404 status.
 *
 * A page that calls notFound() gets status 404, but Next 16 then serves an empty error shell that
 * only its client runtime fills in, so without JavaScript the page was blank. React's server
 * renderer does not run error boundaries; an error inside a Suspense boundary only leaves that
 * boundary (here: nothing) to the client. So the text is rendered normally and notFound() is raised
 * inside a boundary of its own: Next still answers 404 (and does not cache it), and with JavaScript
 * the client shows not-found.tsx, which renders the same message.
 *
 * Only for pages served from the page cache: they are rendered completely before the status is
 * sent. A page rendered per request has sent its 200 by the time the boundary fails, so it calls
 * notFound() itself.
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundMessage />
      <Suspense fallback={null}>
        <AnswerNotFound />
      </Suspense>
    </>
  );
}
