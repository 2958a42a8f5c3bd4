import type { DemoHospitalKey } from "./demo-data";

/** One seeded document; days are relative to the moment of seeding. */
export interface DemoDocument {
  kind: "prescription" | "lab_report" | "invoice" | "doctor_note";
  title: string;
  fileName: string;
  issuedDaysAgo: number;
  /** Days from seeding until the document's validity ends; negative means already ended. */
  validForDays?: number;
  authoredByDoctor: boolean;
  hospital: DemoHospitalKey;
  body:
    | { type: "pdf"; rows?: ReadonlyArray<readonly [string, string]>; paragraphs: string[] }
    | { type: "scanned-note"; seed: number };
  /** Number of radiograph images stored beside the main file, for multi-file studies. */
  images?: number;
}

const GENERAL_ADVICE =
  "Keep this document for your records. Bring it to your next appointment together with " +
  "your identity document.";

/** Documents of the first demo patient. */
export const SITI_DOCUMENTS: readonly DemoDocument[] = [
  {
    kind: "prescription",
    title: "Amlodipine 5 mg for blood pressure",
    fileName: "Resep Amlodipine – Siti Rahayu.pdf",
    issuedDaysAgo: 3,
    validForDays: 27,
    authoredByDoctor: true,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["Medicine", "Amlodipine 5 mg tablets, 30 tablets"],
        ["Dose", "One tablet by mouth every morning"],
        ["Refills", "One"],
      ],
      paragraphs: ["Take at the same time each day. Do not stop without talking to your doctor."],
    },
  },
  {
    kind: "prescription",
    title: "Metformin 500 mg repeat prescription",
    fileName: "Resep Metformin.pdf",
    issuedDaysAgo: 1,
    validForDays: 60,
    authoredByDoctor: true,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["Medicine", "Metformin 500 mg tablets, 60 tablets"],
        ["Dose", "One tablet twice a day with meals"],
      ],
      paragraphs: ["Check your blood sugar weekly and record the readings."],
    },
  },
  {
    kind: "prescription",
    title: "Amoxicillin 500 mg, 7-day course",
    fileName: "Resep Amoxicillin.pdf",
    issuedDaysAgo: 24,
    validForDays: -10,
    authoredByDoctor: true,
    hospital: "mitra",
    body: {
      type: "pdf",
      rows: [
        ["Medicine", "Amoxicillin 500 mg capsules, 21 capsules"],
        ["Dose", "One capsule three times a day for 7 days"],
      ],
      paragraphs: ["Finish the whole course even if you feel better."],
    },
  },
  {
    kind: "lab_report",
    title: "Complete blood count",
    fileName: "Hasil Lab – Darah Lengkap.pdf",
    issuedDaysAgo: 5,
    authoredByDoctor: false,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["Haemoglobin", "12.9 g/dL (12.0 – 15.5)"],
        ["White cells", "6.8 × 10^9/L (4.0 – 11.0)"],
        ["Platelets", "254 × 10^9/L (150 – 400)"],
      ],
      paragraphs: ["All values are within the reference ranges."],
    },
  },
  {
    kind: "lab_report",
    title: "Chest X-ray, 3 images",
    fileName: "Rontgen Dada.pdf",
    issuedDaysAgo: 12,
    authoredByDoctor: false,
    hospital: "harapan",
    images: 3,
    body: {
      type: "pdf",
      rows: [["Views", "PA, lateral and apical lordotic"]],
      paragraphs: ["Clear lung fields. Heart size normal. No pleural effusion."],
    },
  },
  {
    kind: "invoice",
    title: "Invoice INV-2026-11-0412, outpatient consultation",
    fileName: "Invoice INV-2026-11-0412.pdf",
    issuedDaysAgo: 3,
    authoredByDoctor: false,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["Consultation", "Rp 350.000"],
        ["Laboratory", "Rp 185.000"],
        ["Total", "Rp 535.000 (paid)"],
      ],
      paragraphs: [GENERAL_ADVICE],
    },
  },
  {
    kind: "invoice",
    title: "Invoice INV-2026-10-0977, radiology",
    fileName: "Invoice INV-2026-10-0977.pdf",
    issuedDaysAgo: 12,
    authoredByDoctor: false,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["Chest X-ray", "Rp 275.000"],
        ["Total", "Rp 275.000 (paid)"],
      ],
      paragraphs: [GENERAL_ADVICE],
    },
  },
  {
    kind: "doctor_note",
    title: "Blood pressure review",
    fileName: "Catatan Dokter – Tekanan Darah.pdf",
    issuedDaysAgo: 3,
    authoredByDoctor: true,
    hospital: "harapan",
    body: {
      type: "pdf",
      paragraphs: [
        "Blood pressure 148/92 mmHg at rest, down from 156/98 four weeks ago.",
        "Started amlodipine 5 mg once daily. Review in four weeks with a home blood pressure diary.",
      ],
    },
  },
  {
    kind: "doctor_note",
    title: "Fitness-to-work note (scan)",
    fileName: "Surat Keterangan Sehat.png",
    issuedDaysAgo: 30,
    authoredByDoctor: true,
    hospital: "mitra",
    body: { type: "scanned-note", seed: 3 },
  },
];

/** Documents of the second demo patient; titles differ so tests can tell them apart. */
export const BUDI_DOCUMENTS: readonly DemoDocument[] = [
  {
    kind: "prescription",
    title: "Salbutamol inhaler 100 mcg",
    fileName: "Resep Salbutamol – Budi Santoso.pdf",
    issuedDaysAgo: 2,
    validForDays: 90,
    authoredByDoctor: true,
    hospital: "mitra",
    body: {
      type: "pdf",
      rows: [
        ["Medicine", "Salbutamol 100 mcg metered-dose inhaler, 1 inhaler"],
        ["Dose", "Two puffs when needed, at most 8 puffs a day"],
      ],
      paragraphs: ["Use a spacer. Seek help if you need it more than three times a week."],
    },
  },
  {
    kind: "prescription",
    title: "Cetirizine 10 mg",
    fileName: "Resep Cetirizine.pdf",
    issuedDaysAgo: 40,
    validForDays: -5,
    authoredByDoctor: true,
    hospital: "mitra",
    body: {
      type: "pdf",
      rows: [
        ["Medicine", "Cetirizine 10 mg tablets, 30 tablets"],
        ["Dose", "One tablet at night"],
      ],
      paragraphs: ["May cause drowsiness."],
    },
  },
  {
    kind: "lab_report",
    title: "Spirometry",
    fileName: "Hasil Spirometri.pdf",
    issuedDaysAgo: 8,
    authoredByDoctor: false,
    hospital: "mitra",
    body: {
      type: "pdf",
      rows: [
        ["FEV1", "2.9 L (82% predicted)"],
        ["FVC", "3.8 L (91% predicted)"],
        ["FEV1/FVC", "0.76"],
      ],
      paragraphs: ["Mild obstruction with significant bronchodilator response."],
    },
  },
  {
    kind: "lab_report",
    title: "Thyroid panel",
    fileName: "Hasil Lab – Tiroid.pdf",
    issuedDaysAgo: 50,
    authoredByDoctor: false,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [
        ["TSH", "2.1 mIU/L (0.4 – 4.0)"],
        ["Free T4", "15 pmol/L (10 – 22)"],
      ],
      paragraphs: ["Normal thyroid function."],
    },
  },
  {
    kind: "invoice",
    title: "Invoice INV-2026-11-0533, pulmonology clinic",
    fileName: "Invoice INV-2026-11-0533.pdf",
    issuedDaysAgo: 8,
    authoredByDoctor: false,
    hospital: "mitra",
    body: {
      type: "pdf",
      rows: [
        ["Consultation", "Rp 400.000"],
        ["Spirometry", "Rp 320.000"],
        ["Total", "Rp 720.000 (paid)"],
      ],
      paragraphs: [GENERAL_ADVICE],
    },
  },
  {
    kind: "invoice",
    title: "Invoice INV-2026-10-0388, laboratory",
    fileName: "Invoice INV-2026-10-0388.pdf",
    issuedDaysAgo: 50,
    authoredByDoctor: false,
    hospital: "harapan",
    body: {
      type: "pdf",
      rows: [["Thyroid panel", "Rp 410.000"]],
      paragraphs: [GENERAL_ADVICE],
    },
  },
  {
    kind: "doctor_note",
    title: "Asthma action plan",
    fileName: "Rencana Asma.pdf",
    issuedDaysAgo: 2,
    authoredByDoctor: true,
    hospital: "mitra",
    body: {
      type: "pdf",
      paragraphs: [
        "Green zone: no symptoms, use the preventer twice a day.",
        "Yellow zone: cough or wheeze, use salbutamol two puffs and call the clinic.",
        "Red zone: breathless at rest, go to the emergency department.",
      ],
    },
  },
  {
    kind: "doctor_note",
    title: "Sick leave note (scan)",
    fileName: "Surat Sakit.png",
    issuedDaysAgo: 9,
    authoredByDoctor: true,
    hospital: "mitra",
    body: { type: "scanned-note", seed: 7 },
  },
];
