import { AuthorizationError, isAppError } from "@/lib/errors";
import { dayInZone } from "@/lib/dates";
import { parseAuditFilter } from "@/lib/validation/audit-filter";
import { AUDIT_CSV_COLUMNS, auditCsvFilename, auditCsvStream, recordAuditExport } from "@/server/audit/export";
import { tenantTimeZone } from "@/server/audit/queries";
import { requireTenantRole } from "@/server/auth/guard";
import { appLocale } from "@/server/i18n/app-locale";
import { translator } from "@/server/i18n/translator";
import { requestMeta } from "@/server/request-context";
import { assertSameOrigin, crossOriginResponse } from "@/server/security/same-origin";

// POST /{tenant}/admin/audit/export: the audit log as CSV, with the filter of the console page.
// A POST because the export is itself recorded in the log (no state change on GET).

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function POST(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  try {
    assertSameOrigin(request);
  } catch {
    return crossOriginResponse();
  }
  const { tenant: slug } = await params;
  const locale = await appLocale();
  const t = translator(locale, "audit");
  let access;
  try {
    access = await requireTenantRole(slug, "audit.export");
  } catch (error) {
    if (error instanceof AuthorizationError && error.code === "unauthenticated") {
      return Response.redirect(new URL(`/signin/staff?next=${encodeURIComponent(`/${slug}/admin/audit`)}`, request.url), 303);
    }
    if (error instanceof AuthorizationError) return text(t("export.forbidden"), 403);
    if (isAppError(error) && error.code === "notFound") return text("Not found", 404);
    throw error;
  }
  const form = await request.formData().catch(() => new FormData());
  const input: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && !(name in input)) input[name] = value;
  const parsed = parseAuditFilter(input);
  if (!parsed.ok) return text(t("export.invalid"), 400);

  await recordAuditExport(access, parsed.filter, await requestMeta());
  const timeZone = await tenantTimeZone(access.tenant.id);
  const header = AUDIT_CSV_COLUMNS.map((column) => t(`export.columns.${column}`));
  const filename = auditCsvFilename(access.tenant.slug, dayInZone(new Date().toISOString(), timeZone));
  return new Response(auditCsvStream(access.tenant.id, parsed.filter, header), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
