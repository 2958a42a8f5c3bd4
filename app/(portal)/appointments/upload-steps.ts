import {
  cancelIdentityUploadAction,
  confirmIdentityUploadAction,
  startIdentityUploadAction,
} from "./actions";
import { postFile } from "./post-file";

/** State of an upload. The message of a finished upload stays until the next one starts. */
export type Phase =
  | { kind: "idle" }
  | { kind: "preparing"; fileName: string }
  | { kind: "uploading"; fileName: string; percent: number }
  | { kind: "checking"; fileName: string }
  | { kind: "succeeded"; message: string }
  | { kind: "cancelled"; message: string }
  | { kind: "failed"; message: string };

export interface UploadRequest {
  appointmentId: string;
  hospitalName: string;
  identityType: "ktp" | "passport";
  file: File;
  /** Controller whose abort cancels the POST to S3. */
  controller: AbortController;
}

/**
 * Uploads an identity document in three steps: the start action reserves it and returns a
 * presigned POST, the browser sends the file straight to S3, and the confirm action checks
 * the stored bytes. Reports each step through `report` and returns the final phase. Throws
 * only when a server action cannot be reached.
 */
export async function uploadIdentityDocument(
  request: UploadRequest,
  report: (phase: Phase) => void,
): Promise<Phase> {
  const { file, controller } = request;
  const fileName = file.name;
  report({ kind: "preparing", fileName });
  const started = await startIdentityUploadAction({
    appointmentId: request.appointmentId,
    identityType: request.identityType,
    fileName,
    contentType: file.type,
    sizeBytes: file.size,
  });
  if (!started.ok) return { kind: "failed", message: started.message };

  const { documentId } = started.value;
  report({ kind: "uploading", fileName, percent: 0 });
  const outcome = await postFile(started.value, file, {
    signal: controller.signal,
    onProgress: (loaded, total) =>
      report({ kind: "uploading", fileName, percent: Math.floor((loaded / total) * 100) }),
  });
  if (outcome.kind !== "stored") {
    // Deletes the reserved row and any bytes that reached S3 now, not at the next cleanup run.
    await cancelIdentityUploadAction(documentId).catch(() => undefined);
    if (outcome.kind === "aborted") {
      return {
        kind: "cancelled",
        message: `Upload of "${fileName}" cancelled. Nothing was saved.`,
      };
    }
    return {
      kind: "failed",
      message:
        `The upload of "${fileName}" did not finish, so nothing was saved. ` +
        "Check your internet connection and try again.",
    };
  }

  report({ kind: "checking", fileName });
  const confirmed = await confirmIdentityUploadAction(documentId);
  if (!confirmed.ok) return { kind: "failed", message: confirmed.message };
  return {
    kind: "succeeded",
    message: `"${fileName}" was uploaded. ${request.hospitalName} will check it before your appointment.`,
  };
}
