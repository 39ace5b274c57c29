"use server";
import { startSsoSignIn } from "@/server/auth/authjs";

// The "Sign in with <tenant> single sign-on" button. Which tenant's provider to use is the
// visitor's choice (a public fact of the sign-in page), not an authorization decision.
export async function startSsoSignInAction(formData: FormData): Promise<void> {
  await startSsoSignIn(String(formData.get("tenant") ?? ""), formData.get("next"));
}
