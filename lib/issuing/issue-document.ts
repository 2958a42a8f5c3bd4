import "server-only";

import { createHash } from "node:crypto";

import { and, eq } from "drizzle-orm";

import type { IssuingContext } from "./context";
import {
  MAX_ISSUED_PDF_BYTES,
  MAX_PRESCRIPTION_VALIDITY_DAYS,
  issueRequest,
  type IssueRequest,
  type ParsedIssueRequest,
} from "./issue-request";
import { canIssueDocument, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents, hospitals, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { renderPdf } from "@/lib/pdf/render-clinical-pdf";
import { newObjectKey, removeObject, writeObject } from "@/lib/storage";
import { detectFileType, formatMegabytes } from "@/lib/uploads/file-types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a prescription or doctor note to a patient, from an uploaded PDF or from the
 * portal's form rendered to PDF. The file is stored first, then the row and its audit event
 * are written in one transaction. If that fails, the stored object is deleted again.
 */
export async function issueDocument(
  context: IssuingContext,
  viewer: Viewer,
  request: IssueRequest,
): Promise<{ documentId: string }> {
  const input = parseIssueRequest(request, context.now());
  if (!canIssueDocument(viewer, input.kind)) {
    throw new AppError("forbidden", "Only doctors can issue prescriptions and doctor notes.");
  }

  const [patient] = await context.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, input.patientId), eq(users.role, "patient")));
  const [hospital] = await context.db
    .select()
    .from(hospitals)
    .where(eq(hospitals.id, input.hospitalId));
  if (!patient) throw new AppError("invalid_input", "That patient was not found.");
  if (!hospital) throw new AppError("invalid_input", "That hospital was not found.");
  const [doctor] = await context.db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, viewer.id));

  const issuedAt = context.now();
  const file =
    input.source.type === "upload"
      ? {
          bytes: checkUploadedPdf(input.source.fileName, input.source.bytes),
          fileName: input.source.fileName,
        }
      : {
          bytes: await renderPdf({
            hospital: `${hospital.name}, ${hospital.city}`,
            title: input.title,
            patient: patient.name,
            issuedAt,
            author: doctor?.name ?? "Doctor",
            rows: input.source.medicines.flatMap((medicine) => [
              ["Medicine", [medicine.name, medicine.quantity].filter(Boolean).join(", ")] as const,
              ["Dose", medicine.dose] as const,
            ]),
            paragraphs: input.source.instructions ? input.source.instructions.split(/\n{2,}/) : [],
            footer: input.validUntil
              ? `Valid until ${input.validUntil.toISOString().slice(0, 10)}`
              : undefined,
          }),
          fileName: `${input.title}.pdf`,
        };

  const objectKey = newObjectKey();
  await writeObject(context.storage.client, context.storage.bucket, {
    key: objectKey,
    body: file.bytes,
    contentType: "application/pdf",
    fileName: file.fileName,
  });
  try {
    return await context.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(documents)
        .values({
          patientId: patient.id,
          kind: input.kind,
          title: input.title,
          objectKey,
          fileName: file.fileName,
          contentType: "application/pdf",
          sizeBytes: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          authorId: viewer.id,
          hospitalId: hospital.id,
          issuedAt,
          validUntil: input.validUntil ?? null,
          status: "active",
        })
        .returning({ id: documents.id });
      if (!row) throw new Error("Inserting the issued document returned no row");
      await recordAuditEvents(tx, [
        {
          actorId: viewer.id,
          actorRole: viewer.role,
          action: "document.issued",
          documentId: row.id,
          detail: { kind: input.kind, source: input.source.type, patientId: patient.id },
          clientIp: context.clientIp,
        },
      ]);
      return { documentId: row.id };
    });
  } catch (error) {
    await removeObject(context.storage.client, context.storage.bucket, objectKey).catch(
      (cleanupError: unknown) =>
        context.log.warn({ err: cleanupError, objectKey }, "deleting an unrecorded object failed"),
    );
    throw error;
  }
}

function parseIssueRequest(request: IssueRequest, now: Date): ParsedIssueRequest {
  const parsed = issueRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path.join(".") || "form");
    throw new AppError("invalid_input", `${issue?.message ?? "Invalid value"} (${field})`);
  }
  const input = parsed.data;
  if (input.kind === "prescription") {
    if (!input.validUntil) {
      throw new AppError("invalid_input", "A prescription needs a validity date.");
    }
    if (input.source.type === "form" && input.source.medicines.length === 0) {
      throw new AppError("invalid_input", "Add at least one medicine to the prescription.");
    }
  }
  if (input.validUntil) {
    if (input.validUntil.getTime() <= now.getTime()) {
      throw new AppError("invalid_input", "The validity date must be in the future.");
    }
    if (input.validUntil.getTime() > now.getTime() + MAX_PRESCRIPTION_VALIDITY_DAYS * DAY_MS) {
      throw new AppError(
        "invalid_input",
        `The validity date must be within ${MAX_PRESCRIPTION_VALIDITY_DAYS} days.`,
      );
    }
  }
  return input;
}

function checkUploadedPdf(fileName: string, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) {
    throw new AppError("invalid_input", `"${fileName}" is empty. Choose another file.`);
  }
  if (bytes.byteLength > MAX_ISSUED_PDF_BYTES) {
    throw new AppError(
      "invalid_input",
      `"${fileName}" is ${formatMegabytes(bytes.byteLength)}, more than the ` +
        `${formatMegabytes(MAX_ISSUED_PDF_BYTES)} limit.`,
    );
  }
  if (detectFileType(bytes.subarray(0, 8)) !== "application/pdf") {
    throw new AppError("invalid_input", `"${fileName}" is not a PDF. Upload a PDF file.`);
  }
  return bytes;
}
