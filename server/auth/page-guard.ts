import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import type { Permission } from "@/lib/auth/permissions";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { requireTenantRole, requireUser, type SignedIn, type TenantAccess } from "./guard";
import { currentSession } from "./session";

// The guard's answers as a page shows them: sign in, complete MFA, 403 or 404.

export async function guardConsolePage(slug: string, permission: Permission, path: string): Promise<TenantAccess> {
  try {
    return await requireTenantRole(slug, permission);
  } catch (error) {
    return handleDenial(error, path);
  }
}

export async function guardAccountPage(path: string): Promise<SignedIn> {
  try {
    return await requireUser();
  } catch (error) {
    return handleDenial(error, path);
  }
}

async function handleDenial(error: unknown, path: string): Promise<never> {
  const next = encodeURIComponent(path);
  if (error instanceof AuthorizationError) {
    if (error.code === "unauthenticated") redirect(`/signin/staff?next=${next}`);
    if (error.code === "mfaRequired") {
      const session = await currentSession();
      redirect(session?.user.totpEnabled ? `/signin/mfa?next=${next}` : `/account/security?next=${next}`);
    }
    forbidden();
  }
  if (isAppError(error) && error.code === "notFound") notFound();
  throw error;
}
