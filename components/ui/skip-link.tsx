/** The first tab stop of every page: jumps past the header to <main id="content">. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
      {label}
    </a>
  );
}
