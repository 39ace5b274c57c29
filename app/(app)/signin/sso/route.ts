import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ssoErrorPath, startSsoSignIn } from "@/server/auth/authjs";
import { servedOverHttps } from "@/server/env";
import { appLocale } from "@/server/i18n/app-locale";
import { assertSameOrigin, crossOriginResponse } from "@/server/security/same-origin";
import { open, seal } from "@/server/security/secret-box";

// The "Sign in with <tenant> single sign-on" button: a plain form POST, so it works without
// JavaScript. Sending the browser straight from the POST to the provider does not work: the
// sign-in page's CSP (form-action 'self') also covers the redirects that end a form submission,
// and the provider is another origin. So the POST starts the flow and answers 303 to GET
// /signin/sso, whose page moves on to the provider by <meta http-equiv="refresh"> (a navigation of
// its own, not part of the form submission). The provider's URL travels in a sealed, short-lived
// cookie that the GET uses up: back from the provider, the browser lands on the sign-in page
// instead of being sent to the provider again.

const CONTINUE_COOKIE = "vouchsafe.sso-continue";
const PURPOSE = "sso-continue";
const PATH = "/signin/sso";
const MAX_FORM_BYTES = 8 * 1024;

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
  } catch {
    return crossOriginResponse();
  }
  const form = Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES ? null : await request.formData().catch(() => null);
  const slug = String(form?.get("tenant") ?? "");
  const started = await startSsoSignIn(slug, form?.get("next"));
  if (!started.ok) return seeOther(ssoErrorPath(slug, started.reason));
  (await cookies()).set(CONTINUE_COOKIE, seal(started.url, PURPOSE), { httpOnly: true, sameSite: "lax", secure: servedOverHttps(), path: PATH, maxAge: 300 });
  return seeOther(PATH);
}

export async function GET() {
  const jar = await cookies();
  const sealed = jar.get(CONTINUE_COOKIE)?.value;
  if (!sealed) return seeOther("/signin");
  jar.set(CONTINUE_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: servedOverHttps(), path: PATH, maxAge: 0 });
  let url: string;
  try {
    url = open(sealed, PURPOSE);
  } catch {
    return seeOther("/signin");
  }
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "sso" });
  return new Response(continuePage(url, locale, t("signIn.continue.title"), t("signIn.continue.link")), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A page that moves on at once, with a link for a browser that does not follow the refresh. */
function continuePage(url: string, locale: string, title: string, link: string): string {
  // Quoted in the refresh's content; a quote inside the URL would end it early.
  const target = escapeHtml(url.replace(/'/g, "%27"));
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url='${target}'">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p><a href="${target}">${escapeHtml(link)}</a></p>
</main>
</body>
</html>
`;
}
