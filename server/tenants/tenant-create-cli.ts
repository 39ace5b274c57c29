import "server-only";
import { parseArgs } from "node:util";
import { loadMessages } from "@/lib/i18n/messages";
import { emailField } from "@/lib/validation/fields";
import { createTenantSchema } from "@/lib/validation/tenants";
import { getDb } from "../db/client";
import { env } from "../env";
import { createTenant } from "./create-tenant";

// `npm run tenant:create -- --slug acme --name "Acme GmbH" --owner owner@acme.example`: the same
// creation as the self-service page, for operators. Argument checks reuse the form's schema and
// its (English) messages, so the command line and /new agree on what a valid slug is.

export const TENANT_CREATE_USAGE = 'Usage: npm run tenant:create -- --slug acme --name "Acme GmbH" --owner owner@acme.example';

export interface TenantCreateArgs {
  slug: string;
  name: string;
  owner: string;
}

const argsSchema = createTenantSchema.extend({ owner: emailField });

export function parseTenantCreateArgs(argv: string[]): { ok: true; args: TenantCreateArgs } | { ok: false; problems: string[] } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { slug: { type: "string" }, name: { type: "string" }, owner: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const result = argsSchema.safeParse(values);
  if (result.success) return { ok: true, args: result.data };
  // The catalog text without next-intl: under tsx's react-server condition next-intl cannot load,
  // and these messages only ever fill in {max}.
  const messages: Record<string, string> = loadMessages("en").errors.validation;
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const [key = "", limit = ""] = issue.message.split(":");
      const text = (messages[key] ?? key).replace("{max}", limit);
      return `--${String(issue.path[0])}: ${text}`;
    }),
  };
}

export interface TenantCreateOutcome {
  tenantId: string;
  ownerCreated: boolean;
}

/** Creates the owner's account if it does not exist yet, then the trust center. */
export async function runTenantCreate(args: TenantCreateArgs): Promise<TenantCreateOutcome | { problem: string }> {
  const db = await getDb();
  // Checked first, so that a taken slug leaves no new account behind.
  if (await db.tenant.findUnique({ where: { slug: args.slug }, select: { id: true } })) return { problem: `--slug: the address "${args.slug}" is already taken.` };
  const existing = await db.user.findUnique({ where: { email: args.owner }, select: { id: true, email: true, disabledAt: true } });
  if (existing?.disabledAt) return { problem: `--owner: the account ${args.owner} is disabled.` };
  const owner = existing ?? (await db.user.create({ data: { email: args.owner }, select: { id: true, email: true } }));
  const { id } = await createTenant({ slug: args.slug, name: args.name, owner, actor: { id: null, email: null }, via: "cli", meta: null });
  return { tenantId: id, ownerCreated: !existing };
}

export function nextSteps(args: TenantCreateArgs, outcome: TenantCreateOutcome): string {
  const origin = env().APP_ORIGIN;
  return [
    `Created the trust center "${args.name}" at ${origin}/${args.slug} (tenant ${outcome.tenantId}).`,
    `Owner: ${args.owner} (${outcome.ownerCreated ? "new account" : "existing account"}).`,
    "",
    "Next steps for the owner:",
    `  1. Sign in with an email link at ${origin}/signin`,
    `  2. Set a password and enrol an authenticator app (TOTP) at ${origin}/account/security`,
    `  3. Open the console at ${origin}/${args.slug}/admin and invite the team under Members.`,
    "",
    `If the app is running and ${origin}/${args.slug} was opened before it existed, its cached "not found" page stays until the app restarts.`,
  ].join("\n");
}

