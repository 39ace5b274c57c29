import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError, AuthorizationError, isAppError } from "@/lib/errors";
import { findTenantRef, requireUser, type SignedIn, type TenantRef } from "../auth/guard";
import { currentSession } from "../auth/session";

// A customer's pages of one tenant (/{tenant}/attestations/...): any signed-in user of any tenant,
// the tenant taken from the route. Signed out, the browser goes to the customer sign-in (magic link
// or the tenant's single sign-on) and comes back here afterwards.

export interface CustomerAccess extends SignedIn {
  tenant: TenantRef;
}

export async function requireCustomer(slug: string): Promise<CustomerAccess> {
  const { session } = await requireUser();
  const tenant = await findTenantRef(slug);
  if (!tenant) throw new AppError("notFound", "no such tenant");
  return { session, tenant };
}

export async function guardCustomerPage(slug: string, path: string): Promise<CustomerAccess> {
  try {
    return await requireCustomer(slug);
  } catch (error) {
    const next = encodeURIComponent(path);
    if (error instanceof AuthorizationError && error.code === "unauthenticated") redirect(`/signin?next=${next}&tenant=${encodeURIComponent(slug)}`);
    if (error instanceof AuthorizationError && error.code === "mfaRequired") {
      const session = await currentSession();
      redirect(session?.user.totpEnabled ? `/signin/mfa?next=${next}` : `/account/security?next=${next}`);
    }
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
