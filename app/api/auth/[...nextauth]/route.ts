import type { NextRequest } from "next/server";
import { handleSsoCallback } from "@/server/auth/authjs";

// Auth.js is reached only where an identity provider sends the browser back (customer single
// sign-on). Starting the sign-in is a server action (components/sso); everything else Auth.js
// could answer here (its session, CSRF, sign-out and built-in pages) is Vouchsafe's own job.
export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  const [, , , action] = request.nextUrl.pathname.split("/");
  if (action !== "callback") return new Response("Not found", { status: 404 });
  return handleSsoCallback(request);
}
