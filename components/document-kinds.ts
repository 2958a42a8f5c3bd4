import type { DocumentKind } from "@/lib/access";

/** The heading and empty-state text of each group on the documents page. */
export const DOCUMENT_GROUP_TEXT: Record<DocumentKind, { heading: string; empty: string }> = {
  prescription: {
    heading: "Prescriptions",
    empty: "No prescriptions yet. Prescriptions your doctor issues appear here.",
  },
  lab_report: {
    heading: "Lab reports",
    empty: "No lab reports yet. Results appear here once the laboratory releases them.",
  },
  invoice: {
    heading: "Invoices",
    empty: "No invoices yet.",
  },
  doctor_note: {
    heading: "Doctor notes",
    empty: "No doctor notes yet.",
  },
  identity_document: {
    heading: "Identity documents",
    empty: "No identity documents. Documents you upload for an appointment appear here.",
  },
};
