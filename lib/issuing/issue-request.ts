import { z } from "zod";

/** The largest PDF a doctor may upload: 10 MiB. */
export const MAX_ISSUED_PDF_BYTES = 10 * 1024 * 1024;

/** A prescription may be valid for at most a year. */
export const MAX_PRESCRIPTION_VALIDITY_DAYS = 366;

const medicine = z.object({
  name: z.string().trim().min(1, "Enter the medicine's name.").max(120),
  dose: z.string().trim().min(1, "Enter the dose.").max(200),
  quantity: z.string().trim().max(80).default(""),
});

/** A document written in the portal's form and rendered to a PDF by the server. */
const formSource = z.object({
  type: z.literal("form"),
  medicines: z.array(medicine).max(10).default([]),
  instructions: z.string().trim().max(4000).default(""),
});

/** A PDF the doctor prepared elsewhere. */
const uploadSource = z.object({
  type: z.literal("upload"),
  fileName: z.string().trim().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
});

export const issueRequest = z.object({
  patientId: z.uuid("Choose a patient."),
  hospitalId: z.uuid("Choose the hospital issuing the document."),
  kind: z.enum(["prescription", "doctor_note"]),
  title: z.string().trim().min(3, "Enter a title of at least 3 characters.").max(160),
  /** For prescriptions: the last moment the prescription may be dispensed. */
  validUntil: z.date().optional(),
  source: z.discriminatedUnion("type", [formSource, uploadSource]),
});

export type IssueRequest = z.input<typeof issueRequest>;
export type ParsedIssueRequest = z.output<typeof issueRequest>;
