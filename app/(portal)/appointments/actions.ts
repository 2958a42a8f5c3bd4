"use server";

import { refresh } from "next/cache";

import type { UploadActionResult, UploadTarget } from "./action-result";
import { runUploadAction } from "./run-upload-action";
import {
  cancelIdentityUpload,
  confirmIdentityUpload,
  startIdentityUpload,
  type StartUploadRequest,
} from "@/lib/uploads";

/**
 * Reserves an identity document for one of the patient's appointments and returns the
 * presigned POST for its file. The credential allows one object at a staging key for 5
 * minutes, and it contains no link to read any document.
 */
export async function startIdentityUploadAction(
  request: StartUploadRequest,
): Promise<UploadActionResult<UploadTarget>> {
  return runUploadAction(undefined, async (context, viewer) => {
    const { documentId, url, fields } = await startIdentityUpload(context, viewer, request);
    return { documentId, url, fields };
  });
}

/**
 * Checks the file the browser stored and, when it passes, submits it for verification and
 * refreshes the page. A rejected file is deleted and its message returned.
 */
export async function confirmIdentityUploadAction(
  documentId: string,
): Promise<UploadActionResult<null>> {
  const id = String(documentId).slice(0, 64);
  const result = await runUploadAction(id, async (context, viewer) => {
    await confirmIdentityUpload(context, viewer, id);
    return null;
  });
  if (result.ok) refresh();
  return result;
}

/** Deletes the patient's unconfirmed upload at once after the browser aborted or failed it. */
export async function cancelIdentityUploadAction(
  documentId: string,
): Promise<UploadActionResult<null>> {
  const id = String(documentId).slice(0, 64);
  return runUploadAction(id, async (context, viewer) => {
    await cancelIdentityUpload(context, viewer, id);
    return null;
  });
}
