import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { stagingKeyOf, type UploadsContext } from "./context";
import { MAX_IDENTITY_UPLOAD_BYTES, isIdentityUploadType } from "./file-types";
import { emptyFileMessage, tooLargeMessage, unsupportedTypeMessage } from "./messages";
import { canUploadIdentityDocument, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { appointments, documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toDisplayText } from "@/lib/text/display-text";
import { newObjectKey, presignUpload } from "@/lib/storage";

/** How long the browser may take to start the upload once the form is signed. */
export const UPLOAD_POLICY_TTL_SECONDS = 300;

export const IDENTITY_DOCUMENT_TITLES = {
  ktp: "KTP (Indonesian identity card)",
  passport: "Passport",
} as const;

const uploadRequest = z.object({
  appointmentId: z.uuid(),
  identityType: z.enum(["ktp", "passport"]),
  fileName: z
    .string()
    .transform(toDisplayText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "The file has no name. Rename it and try again.")
        .max(200, "The file name is longer than 200 characters. Rename the file and try again.")
        .refine(
          (name) => !/[\u0000-\u001f\u007f]/.test(name),
          "The file name contains control characters. Rename the file and try again.",
        ),
    ),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export type StartUploadRequest = z.input<typeof uploadRequest>;

export interface StartedUpload {
  documentId: string;
  /** Form target and fields for the browser's multipart POST straight to S3. */
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
}

/**
 * Reserves an identity document for one of the patient's appointments and returns an S3
 * presigned POST for its file. The row stays `pending_upload`, hidden from every list, until
 * `confirmIdentityUpload` has checked the stored object.
 */
export async function startIdentityUpload(
  context: UploadsContext,
  viewer: Viewer,
  request: StartUploadRequest,
): Promise<StartedUpload> {
  const input = parseRequest(request);

  const [appointment] = await context.db
    .select()
    .from(appointments)
    .where(eq(appointments.id, input.appointmentId));
  if (!appointment || !canUploadIdentityDocument(viewer, appointment)) {
    throw new AppError("not_found", "That appointment was not found.");
  }

  const [document] = await context.db
    .insert(documents)
    .values({
      patientId: viewer.id,
      kind: "identity_document",
      title: IDENTITY_DOCUMENT_TITLES[input.identityType],
      objectKey: newObjectKey(),
      fileName: input.fileName,
      contentType: input.contentType,
      sizeBytes: input.sizeBytes,
      hospitalId: appointment.hospitalId,
      appointmentId: appointment.id,
      status: "pending_upload",
      issuedAt: context.now(),
    })
    .returning({ id: documents.id });
  if (!document) throw new Error("Inserting the pending identity document returned no row");

  const post = await presignUpload(context.storage.client, context.storage.bucket, {
    key: stagingKeyOf(document.id),
    contentType: input.contentType,
    maxBytes: MAX_IDENTITY_UPLOAD_BYTES,
    expiresInSeconds: UPLOAD_POLICY_TTL_SECONDS,
  });
  await recordAuditEvents(context.db, [
    {
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "upload.started",
      documentId: document.id,
      detail: { appointmentId: appointment.id, declaredType: input.contentType },
      clientIp: context.clientIp,
    },
  ]);
  return { documentId: document.id, ...post, maxBytes: MAX_IDENTITY_UPLOAD_BYTES };
}

function parseRequest(request: StartUploadRequest) {
  const parsed = uploadRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "request");
    const message =
      field === "fileName" && issue
        ? issue.message
        : `The upload form's ${field} is missing or invalid.`;
    throw new AppError("invalid_input", message);
  }
  const input = parsed.data;
  if (!isIdentityUploadType(input.contentType)) {
    throw new AppError("invalid_input", unsupportedTypeMessage(input.fileName));
  }
  if (input.sizeBytes < 1) {
    throw new AppError("invalid_input", emptyFileMessage(input.fileName));
  }
  if (input.sizeBytes > MAX_IDENTITY_UPLOAD_BYTES) {
    throw new AppError("invalid_input", tooLargeMessage(input.fileName, input.sizeBytes));
  }
  return { ...input, contentType: input.contentType };
}
