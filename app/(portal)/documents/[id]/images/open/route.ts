import { currentClientIp } from "@/app/_lib/client-ip";
import { errorResponse } from "@/app/_lib/errors";
import { PRIVATE_NO_STORE } from "@/app/_lib/headers";
import { currentRequestId } from "@/app/_lib/request-id";
import { requireRole } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { getDocumentsContext, mintDocumentCookies } from "@/lib/documents";
import { cookieScopeOf, signedCookieHeaders } from "@/lib/documents/set-cookie";

export const dynamic = "force-dynamic";

/**
 * Sets CloudFront signed cookies for one document's images and redirects (303) to its
 * gallery, passing the expiry in `until` (epoch seconds) for display. The session and access
 * are checked again, and unknown and foreign ids get the same 404 as the document's address.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const gallery = `/documents/${encodeURIComponent(id)}/images`;

  const viewer = await requireRole("patient", `${gallery}/open`);

  try {
    const now = new Date();
    const context = await getDocumentsContext(await currentClientIp());
    const signed = await mintDocumentCookies(context, viewer, id, now);

    const until = Math.floor(signed.expiresAt.getTime() / 1000);
    const headers = new Headers({
      Location: `${gallery}?until=${until}`,
      "Cache-Control": PRIVATE_NO_STORE,
    });
    for (const cookie of signedCookieHeaders(signed, cookieScopeOf(getConfig()), now)) {
      headers.append("Set-Cookie", cookie);
    }
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return errorResponse(error, {
      requestId: await currentRequestId(),
      userId: viewer.id,
      documentId: id,
    });
  }
}
