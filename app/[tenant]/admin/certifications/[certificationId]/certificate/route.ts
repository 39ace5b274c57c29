import { NextResponse, type NextRequest } from "next/server";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { currentSession } from "@/server/auth/session";
import { authorizeCertificateDownload, downloadCertificate } from "@/server/certifications/download";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

// The certificate PDF, watermarked for whoever downloads it: the tenant's staff (certifications or
// attestation review) and customers with an issued letter covering it. Each download is audited.
// Refusals answer like the console's pages: sign in (401), no access (403), not found (404).

type Params = Promise<{ tenant: string; certificationId: string }>;

export async function GET(_request: NextRequest, { params }: { params: Params }) {
  const { tenant: slug, certificationId } = await params;
  try {
    const downloader = await authorizeCertificateDownload(await currentSession(), slug, certificationId);
    const file = await downloadCertificate({ downloader, certificationId, locale: await appLocale(), meta: await requestMeta() });
    return new NextResponse(Buffer.from(file.data), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return new NextResponse(error.code === "forbidden" ? "Forbidden" : "Sign-in required", { status: error.code === "forbidden" ? 403 : 401, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (isAppError(error) && error.code === "notFound") return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
