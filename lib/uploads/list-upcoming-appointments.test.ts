import { beforeAll, expect, test } from "vitest";

import { identityStatusOf, listUpcomingAppointments } from "./list-upcoming-appointments";
import type { Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { appointments, documents, identityVerifications } from "@/lib/db/schema";
import { isAppError, type AppError } from "@/lib/errors";
import { describeOnEachDatabase } from "@/test/database";
import { insertHospital, insertUser } from "@/test/fixtures";

const NOW = new Date("2026-12-01T08:00:00Z");
const HOUR_MS = 60 * 60 * 1000;
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * HOUR_MS);

test("identityStatusOf prefers verified, then pending", () => {
  expect(identityStatusOf([])).toBe("none");
  expect(identityStatusOf([{ status: "rejected" }])).toBe("rejected");
  expect(identityStatusOf([{ status: "rejected" }, { status: "pending_verification" }])).toBe(
    "pending_verification",
  );
  expect(identityStatusOf([{ status: "pending_verification" }, { status: "verified" }])).toBe(
    "verified",
  );
});

describeOnEachDatabase("listUpcomingAppointments", (database) => {
  let db: Drizzle;
  let patient: Viewer;
  let staff: Viewer;
  let soonId: string;
  let laterId: string;

  async function insertAppointment(values: {
    patientId: string;
    hospitalId: string;
    department: string;
    scheduledAt: Date;
    status?: "scheduled" | "completed" | "cancelled";
  }): Promise<string> {
    const [row] = await db.insert(appointments).values(values).returning();
    return row!.id;
  }

  async function insertIdentityDocument(
    appointmentId: string,
    hospitalId: string,
    status: "pending_upload" | "pending_verification" | "verified" | "rejected",
    fileName: string,
    createdAt: Date,
  ): Promise<string> {
    const [row] = await db
      .insert(documents)
      .values({
        patientId: patient.id,
        kind: "identity_document",
        title: "Passport",
        objectKey: `documents/${fileName}`,
        fileName,
        contentType: "image/jpeg",
        sizeBytes: 4096,
        hospitalId,
        appointmentId,
        status,
        issuedAt: createdAt,
        createdAt,
      })
      .returning();
    return row!.id;
  }

  beforeAll(async () => {
    db = database().db;
    const harapan = await insertHospital(db, "RS Harapan Sehat");
    const mitra = await insertHospital(db, "RS Mitra Medika");
    const patientRow = await insertUser(db, { role: "patient" });
    const otherRow = await insertUser(db, { role: "patient" });
    const staffRow = await insertUser(db, { role: "staff", hospitalId: harapan.id });
    patient = { id: patientRow.id, role: "patient", hospitalId: null };
    staff = { id: staffRow.id, role: "staff", hospitalId: harapan.id };

    const base = { patientId: patient.id, hospitalId: harapan.id, department: "Cardiology" };
    laterId = await insertAppointment({
      ...base,
      hospitalId: mitra.id,
      department: "Pulmonology",
      scheduledAt: hoursFromNow(24 * 7),
    });
    soonId = await insertAppointment({ ...base, scheduledAt: hoursFromNow(-11) });
    await insertAppointment({ ...base, department: "Too old", scheduledAt: hoursFromNow(-13) });
    await insertAppointment({
      ...base,
      department: "Cancelled",
      scheduledAt: hoursFromNow(48),
      status: "cancelled",
    });
    await insertAppointment({
      ...base,
      patientId: otherRow.id,
      department: "Someone else's",
      scheduledAt: hoursFromNow(48),
    });

    await insertIdentityDocument(soonId, harapan.id, "pending_upload", "unconfirmed.jpg", NOW);
    const rejected = await insertIdentityDocument(
      soonId,
      harapan.id,
      "rejected",
      "blurry.jpg",
      hoursFromNow(-30),
    );
    await db.insert(identityVerifications).values({
      documentId: rejected,
      appointmentId: soonId,
      staffId: staff.id,
      decision: "rejected",
      reason: "The photo is too blurry to read.",
      decidedAt: hoursFromNow(-29),
    });
    const pending = await insertIdentityDocument(
      soonId,
      harapan.id,
      "pending_verification",
      "sharp.jpg",
      hoursFromNow(-2),
    );
    await db.insert(identityVerifications).values({ documentId: pending, appointmentId: soonId });
  });

  test("lists scheduled appointments soonest first", async () => {
    const listed = await listUpcomingAppointments(db, patient, NOW);

    expect(listed.map((appointment) => appointment.id)).toEqual([soonId, laterId]);
    expect(listed[1]).toEqual({
      id: laterId,
      hospitalName: "RS Mitra Medika",
      hospitalCity: "Jakarta",
      department: "Pulmonology",
      scheduledAt: hoursFromNow(24 * 7),
      identityStatus: "none",
      identityDocuments: [],
    });
  });

  test("shows documents with rejection reasons", async () => {
    const [soon] = await listUpcomingAppointments(db, patient, NOW);

    expect(soon?.identityStatus).toBe("pending_verification");
    expect(soon?.identityDocuments.map((document) => document.fileName)).toEqual([
      "sharp.jpg",
      "blurry.jpg",
    ]);
    expect(soon?.identityDocuments[0]?.rejectionReason).toBeNull();
    expect(soon?.identityDocuments[0]?.decidedAt).toBeNull();
    expect(soon?.identityDocuments[1]?.status).toBe("rejected");
    expect(soon?.identityDocuments[1]?.rejectionReason).toBe("The photo is too blurry to read.");
    expect(soon?.identityDocuments[1]?.decidedAt).toEqual(hoursFromNow(-29));
  });

  test("rejects staff", async () => {
    const error = await listUpcomingAppointments(db, staff, NOW).catch((caught: unknown) => caught);

    expect(isAppError(error)).toBe(true);
    expect((error as AppError).code).toBe("forbidden");
  });
});
