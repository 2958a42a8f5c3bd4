import "server-only";

import type { UploadActionResult } from "./action-result";
import { actionErrorMessage } from "@/app/_lib/action-errors";
import { currentClientIp } from "@/app/_lib/client-ip";
import { currentRequestId } from "@/app/_lib/request-id";
import { getViewer, type SignedInViewer } from "@/lib/auth/session";
import { getUploadsContext, type UploadsContext } from "@/lib/uploads";

const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again, then upload the file.";

/**
 * Runs an upload operation for the signed-in patient and turns its outcome into a result the
 * browser can show. A missing session or another role gets the signed-out message, and a
 * failure gets the message of `actionErrorMessage`, so nothing internal reaches the browser.
 */
export async function runUploadAction<T>(
  documentId: string | undefined,
  body: (context: UploadsContext, viewer: SignedInViewer) => Promise<T>,
): Promise<UploadActionResult<T>> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "patient") return { ok: false, message: SIGNED_OUT_MESSAGE };

  try {
    const context = await getUploadsContext(await currentClientIp());
    return { ok: true, value: await body(context, viewer) };
  } catch (error) {
    const ids = { requestId: await currentRequestId(), userId: viewer.id, documentId };
    return { ok: false, message: actionErrorMessage(error, ids) };
  }
}
