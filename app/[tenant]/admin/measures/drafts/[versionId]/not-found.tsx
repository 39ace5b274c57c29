import { ConsoleNotFound } from "@/components/app/console-not-found";

/** A draft or section id that is not (or no longer) in this tenant: discarded, published, another tenant's. */
export default function DraftNotFound() {
  return <ConsoleNotFound />;
}
