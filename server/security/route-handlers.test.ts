import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isOriginCheckExempt } from "@/lib/security/same-origin";

// Every route handler (app/**/route.ts) is held to two rules, read from its source:
// 1. A mutating handler (POST/PUT/PATCH/DELETE) calls assertSameOrigin(request) (CSRF), unless its
//    path is exempt in lib/security/same-origin.ts (the bearer-token API), and then it must not
//    authenticate by cookie. proxy.ts applies the same rule before the handler; this keeps the
//    handler safe on its own (a matcher change, a path the proxy skips).
// 2. GET must not change state. A GET handler is listed below once a person has read it and its
//    callees; a new or removed one fails the test until the list is updated. Writes made directly
//    in the handler's own file are also caught mechanically.

const REVIEWED_GET_HANDLERS: Record<string, string> = {
  "app/[tenant]/[lang]/feed.xml/route.ts": "Atom feed: reads the cached published versions of one tenant; writes nothing.",
  "app/[tenant]/admin/certifications/[certificationId]/certificate/route.ts":
    "Certificate PDF download for entitled staff and customers: reads the file and watermarks it in memory; its only write is the " +
    "download's audit event (a log entry the design requires for every download, not a state change).",
  "app/(app)/account/attestations/[requestId]/letter/route.ts":
    "The requester's attestation letter: re-rendered from its stored snapshot in memory and hash-checked; its only write is " +
    "the download's audit event (required for every download, not a state change).",
  "app/[tenant]/admin/attestations/[requestId]/letter/route.ts":
    "An attestation letter for the tenant's reviewers, owners and admins: as the requester's download, audited, nothing else written.",
  "app/(app)/verify/[code]/json/route.ts":
    "Public letter verification as JSON: reads one letter through the app.verify_code policy; its only write is the per-IP " +
    "rate-limit counter.",
  "app/api/unsubscribe/[tenant]/[token]/route.ts":
    "The List-Unsubscribe address opened in a browser: redirects to the tenant's confirmation page (whose button unsubscribes); " +
    "writes nothing. Its POST is the one-click unsubscribe (RFC 8058).",
  "app/(app)/signin/sso/route.ts":
    "The page between the SSO button's POST and the provider: reads the provider URL that POST left in a sealed cookie, clears " +
    "that cookie (so coming back from the provider does not start over) and answers a page that moves on to the provider; writes " +
    "nothing on the server. Its POST starts the sign-in (same-origin checked).",
  "app/api/auth/[...nextauth]/route.ts":
    "The identity provider's redirect back (OIDC callback) creates the session — a GET by protocol. A forged callback fails Auth.js's " +
    "state, PKCE and nonce checks, which are bound to cookies set when this browser started the sign-in (a form POST to /signin/sso). " +
    "Every other /api/auth path answers 404 before Auth.js runs.",
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const METHODS = new Set(["GET", "HEAD", "OPTIONS", ...MUTATING]);
/** Calls that change state; a GET handler's own file must contain none of them inside the handler. */
const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "upsert", "delete", "deleteMany",
  "$executeRaw", "$executeRawUnsafe", "recordAudit", "sendMail", "revalidateTag", "revalidatePath", "updateTag"]);
/** Signs of cookie authentication, which an exempt (token-only) handler must not use. */
const COOKIE_AUTH = /\b(cookies\s*\(|currentSession\b|requireUser\b|requireTenantRole\b|guardConsolePage\b)/;

interface Handler {
  method: string;
  /** The handler's code when it is defined in the file; null when re-exported or destructured (cannot be read). */
  body: ts.Node | null;
}

/** The HTTP handlers a route file exports, found through the TypeScript syntax tree. */
function exportedHandlers(fileName: string, source: string): Handler[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const locals = new Map<string, ts.Node>();
  const handlers: Handler[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, statement);
      if (exported(statement) && METHODS.has(statement.name.text)) handlers.push({ method: statement.name.text, body: statement });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          locals.set(declaration.name.text, declaration);
          if (exported(statement) && METHODS.has(declaration.name.text)) handlers.push({ method: declaration.name.text, body: declaration });
        } else if (exported(statement) && ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (ts.isIdentifier(element.name) && METHODS.has(element.name.text)) handlers.push({ method: element.name.text, body: null });
          }
        }
      }
    }
  }
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      if (!METHODS.has(element.name.text)) continue;
      const local = statement.moduleSpecifier ? undefined : locals.get((element.propertyName ?? element.name).text);
      handlers.push({ method: element.name.text, body: local ?? null });
    }
  }
  return handlers;
}

function calls(node: ts.Node, names: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isCallExpression(child) || ts.isTaggedTemplateExpression(child)) {
      const callee = ts.isCallExpression(child) ? child.expression : child.tag;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name && names.has(name)) found.push(name);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** What is wrong with one route file, as readable lines ([] = nothing). */
function routeProblems(fileName: string, source: string, reviewedGets: Record<string, string>): string[] {
  const problems: string[] = [];
  const urlPath = `/${fileName.replace(/^app\//, "").replace(/\/route\.tsx?$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/")}/`;
  const importsGuard = /from\s+["']@\/server\/security\/same-origin["']/.test(source);
  for (const { method, body } of exportedHandlers(fileName, source)) {
    if (MUTATING.has(method)) {
      if (isOriginCheckExempt(urlPath)) {
        if (COOKIE_AUTH.test(source)) problems.push(`${method}: exempt from the origin check (token API) but authenticates by cookie`);
      } else if (!body) {
        problems.push(`${method}: re-exported handler, cannot verify that it calls assertSameOrigin`);
      } else if (!importsGuard || !calls(body, new Set(["assertSameOrigin"])).length) {
        problems.push(`${method}: does not call assertSameOrigin(request) from @/server/security/same-origin`);
      }
    }
    if (method === "GET") {
      if (!(fileName in reviewedGets)) problems.push("GET: not in the reviewed list of GET handlers (read it and its callees for writes, then add it)");
      if (body) for (const write of calls(body, WRITES)) problems.push(`GET: calls ${write}()`);
    }
  }
  return problems;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /^route\.tsx?$/.test(entry.name) ? [relative(process.cwd(), path).split("\\").join("/")] : [];
  });
}

describe("route handlers in app/", () => {
  const files = routeFiles("app");

  it("finds the route files (an empty scan would pass vacuously)", () => {
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(REVIEWED_GET_HANDLERS).length);
    expect(files).toContain("app/[tenant]/[lang]/feed.xml/route.ts");
  });

  it("check Origin on every mutating handler and change nothing on GET", () => {
    const problems = files.flatMap((file) => routeProblems(file, readFileSync(file, "utf8"), REVIEWED_GET_HANDLERS).map((p) => `${file}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("lists exactly the GET handlers that exist, each with the reason it is safe", () => {
    const gets = files.filter((file) => exportedHandlers(file, readFileSync(file, "utf8")).some((h) => h.method === "GET"));
    expect(gets.sort()).toEqual(Object.keys(REVIEWED_GET_HANDLERS).sort());
    for (const reason of Object.values(REVIEWED_GET_HANDLERS)) expect(reason.length).toBeGreaterThan(20);
  });
});

describe("the scanner itself", () => {
  const guard = 'import { assertSameOrigin } from "@/server/security/same-origin";\n';
  const check = (source: string, file = "app/x/route.ts", reviewed: Record<string, string> = {}) => routeProblems(file, source, reviewed);

  it("accepts a mutating handler that calls assertSameOrigin, in every way of exporting it", () => {
    expect(check(`${guard}export async function POST(request: Request) { assertSameOrigin(request); return new Response(); }`)).toEqual([]);
    expect(check(`${guard}export const DELETE = async (request: Request) => { assertSameOrigin(request); return new Response(); };`)).toEqual([]);
    expect(check(`${guard}async function remove(request: Request) { assertSameOrigin(request); return new Response(); }\nexport { remove as PATCH };`)).toEqual([]);
  });

  it("flags mutating handlers without the check, re-exported ones and a look-alike guard", () => {
    expect(check("export async function POST() { return new Response(); }")).toEqual(["POST: does not call assertSameOrigin(request) from @/server/security/same-origin"]);
    expect(check(`${guard}export const PUT = async () => new Response();`)).toEqual(["PUT: does not call assertSameOrigin(request) from @/server/security/same-origin"]);
    expect(check("const assertSameOrigin = () => {};\nexport function DELETE(r: Request) { assertSameOrigin(r); return new Response(); }")).toEqual([
      "DELETE: does not call assertSameOrigin(request) from @/server/security/same-origin",
    ]);
    expect(check('export const { GET, POST } = handlers;', "app/y/route.ts", { "app/y/route.ts": "reviewed" })).toEqual([
      "POST: re-exported handler, cannot verify that it calls assertSameOrigin",
    ]);
    expect(check('export { POST } from "./elsewhere";')).toEqual(["POST: re-exported handler, cannot verify that it calls assertSameOrigin"]);
  });

  it("exempts only the token API, and only while it uses no cookie authentication", () => {
    expect(check("export async function POST() { return new Response(); }", "app/api/v1/tokens/route.ts")).toEqual([]);
    expect(check('import { cookies } from "next/headers";\nexport async function POST() { await cookies(); return new Response(); }', "app/api/v1/x/route.ts")).toEqual([
      "POST: exempt from the origin check (token API) but authenticates by cookie",
    ]);
    expect(check("export async function POST() { return new Response(); }", "app/api/v1x/route.ts")).toHaveLength(1);
    expect(check("export async function POST() { return new Response(); }", "app/(app)/account/export/route.ts")).toHaveLength(1);
  });

  it("flags an unreviewed GET and writes inside a GET handler", () => {
    expect(check("export function GET() { return new Response(); }")).toEqual(["GET: not in the reviewed list of GET handlers (read it and its callees for writes, then add it)"]);
    const writer = "export async function GET() { const db = await getDb(); await db.subscription.update({}); await recordAudit(tx, {}); await tx.$executeRaw`x`; return new Response(); }";
    expect(check(writer, "app/z/route.ts", { "app/z/route.ts": "reviewed" })).toEqual(["GET: calls update()", "GET: calls recordAudit()", "GET: calls $executeRaw()"]);
  });
});
