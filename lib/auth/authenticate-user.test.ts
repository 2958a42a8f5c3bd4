import { eq } from "drizzle-orm";
import { expect, it } from "vitest";

import { authenticateUser } from "./authenticate-user";
import { hashPassword } from "./password";
import { auditEvents } from "@/lib/db/schema";
import { describeOnEachDatabase } from "@/test/database";
import { auditEventsBy, insertHospital, insertUser } from "@/test/fixtures";

describeOnEachDatabase("authenticateUser", (database) => {
  it("returns the account for the right password", async () => {
    const { db } = database();
    const hospital = await insertHospital(db);
    const user = await insertUser(db, {
      role: "staff",
      name: "Rina Wulandari",
      email: "Rina@Harapan.test",
      passwordHash: await hashPassword("berkas-demo-2026"),
      hospitalId: hospital.id,
    });

    const account = await authenticateUser(
      db,
      { email: "rina@harapan.test", password: "berkas-demo-2026" },
      "203.0.113.7",
    );

    expect(account).toEqual({
      id: user.id,
      email: "Rina@Harapan.test",
      name: "Rina Wulandari",
      role: "staff",
      hospitalId: hospital.id,
    });
    const events = await auditEventsBy(db, user.id);
    expect(events.map((event) => event.action)).toEqual(["auth.signed_in"]);
    expect(events[0]?.actorRole).toBe("staff");
    expect(events[0]?.clientIp).toBe("203.0.113.7");
  });

  it("returns null for a wrong password", async () => {
    const { db } = database();
    const user = await insertUser(db, {
      role: "patient",
      email: "budi@patient.test",
      passwordHash: await hashPassword("berkas-demo-2026"),
    });

    const account = await authenticateUser(
      db,
      { email: "budi@patient.test", password: "berkas-demo-2025" },
      null,
    );

    expect(account).toBeNull();
    const events = await auditEventsBy(db, user.id);
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in_failed"]);
    expect(events[0]?.detail).toEqual({ reason: "wrong_password" });
  });

  it("returns null for an unknown email", async () => {
    const { db } = database();

    const address = "198.51.100.23";

    const account = await authenticateUser(
      db,
      { email: "nobody@patient.test", password: "berkas-demo-2026" },
      address,
    );

    expect(account).toBeNull();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.clientIp, address));
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["auth.sign_in_failed", null],
    ]);
    expect(events[0]?.detail).toEqual({ reason: "unknown_email" });
  });
});
