import "server-only";

import { asc, eq } from "drizzle-orm";

import { canIssueDocument, type Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { hospitals, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Returns the patients and hospitals a doctor can choose from when issuing a document. */
export async function listIssueTargets(db: Drizzle, viewer: Viewer) {
  if (!canIssueDocument(viewer, "prescription")) {
    throw new AppError("forbidden", "Only doctors can issue documents.");
  }
  const [patients, hospitalRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.role, "patient"))
      .orderBy(asc(users.name)),
    db.select().from(hospitals).orderBy(asc(hospitals.name)),
  ]);
  return { patients, hospitals: hospitalRows };
}
