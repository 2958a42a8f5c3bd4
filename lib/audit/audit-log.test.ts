import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";

import { listAuditEvents, recordAuditEvents, sanitizeDetail } from "@/lib/audit";
import { auditEvents } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { describeOnEachDatabase } from "@/test/database";
import { insertUser } from "@/test/fixtures";

test("sanitizeDetail drops credential fields", () => {
  const detail = sanitizeDetail({
    signedUrl: "https://files.example/x?Signature=abc",
    signature: "abc",
    cookie: "CloudFront-Signature=abc",
    policy: "eyJ",
    keyPairId: "K2JCJMDEHXQW5F",
    policyType: "custom",
    ttlSeconds: 60,
  });

  expect(detail).toEqual({ keyPairId: "K2JCJMDEHXQW5F", policyType: "custom", ttlSeconds: 60 });
});

describeOnEachDatabase("audit log", (database) => {
  test("records and lists events newest first", async () => {
    const { db } = database();
    const admin = await insertUser(db, { role: "admin" });
    const patient = await insertUser(db, { role: "patient" });
    await recordAuditEvents(db, [
      {
        actorId: patient.id,
        actorRole: "patient",
        action: "link.minted",
        documentId: null,
        detail: { ttlSeconds: 300, signedUrl: "https://leak.example" },
        clientIp: "127.0.0.1",
      },
    ]);
    await recordAuditEvents(db, [
      {
        actorId: patient.id,
        actorRole: "patient",
        action: "auth.signed_out",
        documentId: null,
        clientIp: "127.0.0.1",
      },
    ]);

    const viewer = { id: admin.id, role: "admin" as const, hospitalId: null };
    const all = await listAuditEvents(db, viewer, { actorId: patient.id });
    const minted = await listAuditEvents(db, viewer, { action: "link.minted" });

    expect(all.map((event) => event.action)).toEqual(["auth.signed_out", "link.minted"]);
    expect(all[1]?.actorName).toBe(patient.name);
    expect(minted).toHaveLength(1);
    expect(minted[0]?.detail).toEqual({ ttlSeconds: 300 });
  });

  test("rejects updates and deletes", async () => {
    const { db } = database();
    await recordAuditEvents(db, [
      {
        actorId: null,
        actorRole: null,
        action: "upload.expired",
        documentId: null,
        clientIp: null,
      },
    ]);

    const update = db
      .update(auditEvents)
      .set({ action: "tampered" })
      .where(eq(auditEvents.action, "upload.expired"));

    expect(await databaseErrorOf(update)).toMatch(/append-only: UPDATE/);
    expect(await databaseErrorOf(db.delete(auditEvents))).toMatch(/append-only: DELETE/);
    expect(await databaseErrorOf(db.execute(sql`truncate audit_events`))).toMatch(
      /append-only: TRUNCATE/,
    );
  });

  test("lists nothing for non-admins", async () => {
    const { db } = database();
    const doctor = await insertUser(db, { role: "doctor" });
    const viewer = { id: doctor.id, role: "doctor" as const, hospitalId: null };

    const error = await listAuditEvents(db, viewer, {}).catch((caught: unknown) => caught);

    expect(isAppError(error)).toBe(true);
    expect(isAppError(error) ? error.code : null).toBe("forbidden");
  });
});

/** Returns the database's own message for a rejected query; Drizzle puts it in `cause`. */
async function databaseErrorOf(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return cause instanceof Error ? cause.message : String(error);
  }
  return "query succeeded";
}
