import { signOutAction } from "@/app/(app)/signin/actions";

/** Sign-out is a POST (a server action): a GET must never change state. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" data-testid="sign-out" className="rounded-md px-2 py-1 font-medium text-slate-900 underline-offset-4 hover:underline">
        {label}
      </button>
    </form>
  );
}
