import { currentClientIp } from "@/app/_lib/client-ip";
import { errorResponse } from "@/app/_lib/errors";
import { PRIVATE_NO_STORE } from "@/app/_lib/headers";
import { currentRequestId } from "@/app/_lib/request-id";
import { requireRole } from "@/lib/auth/session";
import { getDocumentsContext, mintDocumentLink } from "@/lib/documents";
import { assertStorageReachable } from "@/lib/storage";

export const dynamic = "force-dynamic";

/**
 * Redirects (303) to a fresh signed URL for one document, so a patient can reopen a stable
 * address. The session and access are checked again, and unknown and foreign ids get the
 * same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  const viewer = await requireRole("patient", `/documents/${encodeURIComponent(id)}`);

  try {
    const context = await getDocumentsContext(await currentClientIp());
    const link = await mintDocumentLink(context, viewer, id, new Date());
    await assertStorageReachable();
    return new Response(null, {
      status: 303,
      headers: { Location: link.url, "Cache-Control": PRIVATE_NO_STORE },
    });
  } catch (error) {
    return errorResponse(error, {
      requestId: await currentRequestId(),
      userId: viewer.id,
      documentId: id,
    });
  }
}
