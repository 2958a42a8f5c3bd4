"use server";

import { cookies } from "next/headers";

import { currentClientIp } from "@/app/_lib/client-ip";
import { appLog } from "@/app/_lib/log";
import {
  encodePendingPaths,
  PENDING_PATHS_COOKIE,
  SIGNED_OUT_PATH,
} from "@/app/signed-out/pending-paths";
import { recordAuditEvents } from "@/lib/audit";
import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { getViewer, type SignedInViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDocumentsContext, listImageCookiePaths } from "@/lib/documents";

/**
 * Ends the session, records it in the audit log and returns to the sign-in page. Safe to
 * call without a session. An audit failure is logged and never keeps a user signed in.
 * A patient with image documents passes through /signed-out on the way, which deletes
 * the CloudFront-* cookies at each document's images Path.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  let redirectTo = SIGN_IN_PATH;

  if (viewer) {
    await recordSignOut(viewer);
    if (await passImageCookiePaths(viewer)) redirectTo = SIGNED_OUT_PATH;
  }

  await signOut({ redirectTo });
}

async function recordSignOut(viewer: SignedInViewer): Promise<void> {
  try {
    const { db } = await getDb();
    await recordAuditEvents(db, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "auth.signed_out",
        documentId: null,
        clientIp: await currentClientIp(),
      },
    ]);
  } catch (error) {
    appLog().error({ err: error, userId: viewer.id }, "Recording a sign-out failed");
  }
}

/**
 * Stores the images Paths of the viewer's documents for /signed-out, which must learn them
 * now because it runs without a session. Returns whether there is anything to delete. A
 * failure is logged and skips only the cleanup, since the cookies also expire with their
 * policy.
 */
async function passImageCookiePaths(viewer: SignedInViewer): Promise<boolean> {
  try {
    const context = await getDocumentsContext(await currentClientIp());
    const paths = await listImageCookiePaths(context, viewer);
    if (paths.length === 0) return false;

    const { value, omitted } = encodePendingPaths(paths);
    if (omitted > 0) {
      appLog().warn(
        { userId: viewer.id, omitted, kept: paths.length - omitted },
        "Too many image documents to delete every image cookie at sign-out",
      );
    }
    (await cookies()).set(PENDING_PATHS_COOKIE, value, {
      path: SIGNED_OUT_PATH,
      httpOnly: true,
      sameSite: "lax",
      maxAge: 60,
    });
    return true;
  } catch (error) {
    appLog().error({ err: error, userId: viewer.id }, "Listing image cookies at sign-out failed");
    return false;
  }
}
