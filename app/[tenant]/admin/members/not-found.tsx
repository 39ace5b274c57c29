import { ConsoleNotFound } from "@/components/app/console-not-found";

/** A member id that is not (or no longer) in this tenant, another tenant's included. */
export default function MemberNotFound() {
  return <ConsoleNotFound />;
}
