// Everything under app/ that answers a request: pages (default export of page.tsx), server actions
// (every exported function of a "use server" file) and route handlers (exported HTTP methods of
// route.ts). The authorization matrix compares this list with its table, so a new page, action or
// route cannot land without a row saying who may use it. Not a test file; imported by tests only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type SurfaceKind = "page" | "action" | "route";

export interface SurfaceEntry {
  kind: SurfaceKind;
  /** Path relative to the repository, e.g. "app/[tenant]/admin/page.tsx". */
  file: string;
  /** "default" for pages, the function name for actions, the HTTP method for routes. */
  name: string;
  /** "page app/[tenant]/admin/page.tsx", "action app/(app)/signin/actions.ts#signOutAction", "route …#GET". */
  id: string;
}

export function surfaceId(kind: SurfaceKind, file: string, name = "default"): string {
  return kind === "page" ? `page ${file}` : `${kind} ${file}#${name}`;
}

/** A module is a server-action module when its first statement is the "use server" directive. */
function isServerActionModule(source: string): boolean {
  const withoutComments = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/g, "").trimStart();
  return /^["']use server["']/.test(withoutComments);
}

/** Files under app/ that can answer a request, relative to the repository root, sorted. */
export function requestFiles(): Array<{ file: string; kind: SurfaceKind }> {
  const appDir = path.join(ROOT, "app");
  const found: Array<{ file: string; kind: SurfaceKind }> = [];
  for (const relative of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    const file = path.posix.join("app", relative.split(path.sep).join("/"));
    const base = path.posix.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) found.push({ file, kind: "page" });
    else if (/^route\.(ts|js)$/.test(base)) found.push({ file, kind: "route" });
    else if (/\.(ts|tsx)$/.test(base) && !base.endsWith(".test.ts") && isServerActionModule(readFileSync(path.join(ROOT, file), "utf8"))) {
      found.push({ file, kind: "action" });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** Imports each file to list what it really exports (a regex would miss `export const { GET } = …`). */
export async function scanSurface(files: Array<{ file: string; kind: SurfaceKind }>): Promise<SurfaceEntry[]> {
  const entries: SurfaceEntry[] = [];
  for (const { file, kind } of files) {
    if (kind === "page") {
      entries.push({ kind, file, name: "default", id: surfaceId(kind, file) });
      continue;
    }
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (kind === "route" && !HTTP_METHODS.has(name)) continue;
      entries.push({ kind, file, name, id: surfaceId(kind, file, name) });
    }
  }
  return entries;
}

/** Imports a module of the app by its repository path (same module instance as the table uses). */
export async function importAppModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}
