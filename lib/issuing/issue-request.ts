import { z } from "zod";

import { toDisplayText } from "@/lib/text/display-text";

/** A string with bidirectional and zero-width controls removed before it is validated. */
const text = () => z.string().transform(toDisplayText);

/** The largest PDF a doctor may upload: 10 MiB. */
export const MAX_ISSUED_PDF_BYTES = 10 * 1024 * 1024;

/** A prescription may be valid for at most a year. */
export const MAX_PRESCRIPTION_VALIDITY_DAYS = 366;

const medicine = z.object({
  name: text().pipe(z.string().trim().min(1, "Enter the medicine's name.").max(120)),
  dose: text().pipe(z.string().trim().min(1, "Enter the dose.").max(200)),
  quantity: text().pipe(z.string().trim().max(80)).default(""),
});

/** A document written in the portal's form and rendered to a PDF by the server. */
const formSource = z.object({
  type: z.literal("form"),
  medicines: z.array(medicine).max(10).default([]),
  instructions: text().pipe(z.string().trim().max(4000)).default(""),
});

/** A PDF the doctor prepared elsewhere. */
const uploadSource = z.object({
  type: z.literal("upload"),
  fileName: text().pipe(z.string().trim().min(1).max(200)),
  bytes: z.instanceof(Uint8Array),
});

export const issueRequest = z.object({
  patientId: z.uuid("Choose a patient."),
  hospitalId: z.uuid("Choose the hospital issuing the document."),
  kind: z.enum(["prescription", "doctor_note"]),
  title: text().pipe(z.string().trim().min(3, "Enter a title of at least 3 characters.").max(160)),
  /** For prescriptions: the last moment the prescription may be dispensed. */
  validUntil: z.date().optional(),
  source: z.discriminatedUnion("type", [formSource, uploadSource]),
});

export type IssueRequest = z.input<typeof issueRequest>;
export type ParsedIssueRequest = z.output<typeof issueRequest>;
