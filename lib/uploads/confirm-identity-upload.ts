import "server-only";

import { createHash } from "node:crypto";

import { and, eq } from "drizzle-orm";

import { stagingKeyOf, type UploadsContext } from "./context";
import {
  IDENTITY_UPLOAD_TYPES,
  MAX_IDENTITY_UPLOAD_BYTES,
  SIGNATURE_BYTES,
  detectFileType,
  isIdentityUploadType,
} from "./file-types";
import { emptyFileMessage, tooLargeMessage } from "./messages";
import type { Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents, identityVerifications, type Document } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { copyObject, readObject, readObjectPrefix, removeObject, statObject } from "@/lib/storage";

/** Reason code of a rejected upload, as recorded in the audit log. */
type RejectionCode = "missing" | "empty" | "too_large" | "type_mismatch" | "signature_mismatch";

class UploadRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

/**
 * Checks the object a browser stored through the presigned POST, because the embedded S3
 * store enforces no POST policy: its size, its stored Content-Type and its magic bytes
 * must match what was declared. A file that passes is copied to the document's final key
 * (which no browser ever had a credential for) and the document becomes
 * `pending_verification`. A file that fails is deleted with its row, and the AppError
 * explains why in plain words.
 */
export async function confirmIdentityUpload(
  context: UploadsContext,
  viewer: Viewer,
  documentId: string,
): Promise<{ documentId: string }> {
  const document = await findPendingUpload(context, viewer, documentId);
  const stagingKey = stagingKeyOf(document.id);

  try {
    const checked = await checkStagedObject(context, document, stagingKey);
    await copyObject(
      context.storage.client,
      context.storage.bucket,
      stagingKey,
      document.objectKey,
      {
        contentType: document.contentType,
        fileName: document.fileName,
      },
    );
    await acceptUpload(context, viewer, document, checked);
  } catch (error) {
    if (error instanceof UploadRejected) {
      await rejectUpload(context, viewer, document, error.code);
      throw new AppError("invalid_input", error.userMessage);
    }
    // A concurrent confirmation that won owns the final object; anything else leaves it orphaned.
    const lostRace = error instanceof AppError && error.code === "conflict";
    if (!lostRace) await deleteQuietly(context, document.objectKey);
    throw error;
  } finally {
    await deleteQuietly(context, stagingKey);
  }
  return { documentId: document.id };
}

async function findPendingUpload(
  context: UploadsContext,
  viewer: Viewer,
  documentId: string,
): Promise<Document> {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) {
    throw new AppError("not_found", "That upload was not found.");
  }
  const [document] = await context.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.patientId, viewer.id),
        eq(documents.status, "pending_upload"),
      ),
    );
  if (!document || viewer.role !== "patient") {
    throw new AppError("not_found", "That upload was not found.");
  }
  return document;
}

async function checkStagedObject(
  context: UploadsContext,
  document: Document,
  stagingKey: string,
): Promise<{ sizeBytes: number; sha256: string }> {
  const { client, bucket } = context.storage;
  const name = `"${document.fileName}"`;
  const stored = await statObject(client, bucket, stagingKey);
  if (!stored) {
    throw new UploadRejected("missing", `${name} did not arrive. Please upload it again.`);
  }

  const size = stored.sizeBytes;
  if (size === 0) {
    throw new UploadRejected("empty", emptyFileMessage(document.fileName));
  }
  if (size > MAX_IDENTITY_UPLOAD_BYTES) {
    throw new UploadRejected("too_large", tooLargeMessage(document.fileName, size));
  }

  const declared = document.contentType;
  if (!isIdentityUploadType(declared) || stored.contentType !== declared) {
    throw new UploadRejected(
      "type_mismatch",
      `${name} was not sent as the file type you chose. Please upload it again.`,
    );
  }
  const prefix = await readObjectPrefix(client, bucket, stagingKey, SIGNATURE_BYTES);
  const detected = detectFileType(prefix);
  if (detected !== declared) {
    throw new UploadRejected("signature_mismatch", mismatchMessage(name, declared, detected));
  }

  const body = await readObject(client, bucket, stagingKey);
  return { sizeBytes: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") };
}

function mismatchMessage(
  name: string,
  declared: keyof typeof IDENTITY_UPLOAD_TYPES,
  detected: ReturnType<typeof detectFileType>,
): string {
  const expected = IDENTITY_UPLOAD_TYPES[declared];
  if (detected === "executable") {
    return `${name} is a program, not a ${expected}. Upload a scan or photo of your document.`;
  }
  if (detected === "unknown") {
    return `${name} is not a real ${expected}. It may be damaged or renamed. Export it again as a PDF, JPEG or PNG.`;
  }
  return `${name} is a ${IDENTITY_UPLOAD_TYPES[detected]}, but it was sent as a ${expected}. Choose the file again so its type is detected correctly.`;
}

async function acceptUpload(
  context: UploadsContext,
  viewer: Viewer,
  document: Document,
  checked: { sizeBytes: number; sha256: string },
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const updated = await tx
      .update(documents)
      .set({ status: "pending_verification", sizeBytes: checked.sizeBytes, sha256: checked.sha256 })
      .where(and(eq(documents.id, document.id), eq(documents.status, "pending_upload")))
      .returning({ id: documents.id });
    if (updated.length === 0) {
      throw new AppError("conflict", "This upload was already confirmed.");
    }
    await tx.insert(identityVerifications).values({
      documentId: document.id,
      appointmentId: document.appointmentId!,
    });
    await recordAuditEvents(tx, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "upload.accepted",
        documentId: document.id,
        detail: { sizeBytes: checked.sizeBytes, contentType: document.contentType },
        clientIp: context.clientIp,
      },
    ]);
  });
}

async function rejectUpload(
  context: UploadsContext,
  viewer: Viewer,
  document: Document,
  reason: RejectionCode,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    await tx
      .delete(documents)
      .where(and(eq(documents.id, document.id), eq(documents.status, "pending_upload")));
    await recordAuditEvents(tx, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "upload.rejected",
        documentId: document.id,
        detail: { reason, declaredType: document.contentType },
        clientIp: context.clientIp,
      },
    ]);
  });
  context.log.info({ documentId: document.id, userId: viewer.id, reason }, "upload rejected");
}

async function deleteQuietly(context: UploadsContext, key: string): Promise<void> {
  try {
    await removeObject(context.storage.client, context.storage.bucket, key);
  } catch (error) {
    // The cleanup job removes what is left, so a failed delete is logged, not raised.
    context.log.warn({ err: error, key }, "deleting an upload object failed");
  }
}
