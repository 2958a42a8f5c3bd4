import type { AuthoredDocument } from "@/lib/issuing";
import type { BADGE_TONES } from "@/components/workspace/ui";

export const KIND_LABELS: Record<AuthoredDocument["kind"], string> = {
  prescription: "Prescription",
  doctor_note: "Doctor note",
  lab_report: "Lab report",
  invoice: "Invoice",
  identity_document: "Identity document",
};

export const STATE_BADGES: Record<
  AuthoredDocument["status"],
  { label: string; tone: keyof typeof BADGE_TONES }
> = {
  active: { label: "Active", tone: "green" },
  expired: { label: "Expired", tone: "grey" },
  revoked: { label: "Revoked", tone: "red" },
};
