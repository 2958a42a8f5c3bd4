"use server";

import { currentClientIp } from "@/app/_lib/client-ip";
import { appLog } from "@/app/_lib/log";
import { recordAuditEvents } from "@/lib/audit";
import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

/**
 * Ends the session, records it in the audit log and returns to the sign-in page. Safe to
 * call without a session. An audit failure is logged and never keeps a user signed in.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();

  if (viewer) {
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

  await signOut({ redirectTo: SIGN_IN_PATH });
}
