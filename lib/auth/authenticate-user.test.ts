import { expect, it } from "vitest";

import { authenticateUser } from "./authenticate-user";
import { hashPassword } from "./password";
import { describeOnEachDatabase } from "@/test/database";
import { insertHospital, insertUser } from "@/test/fixtures";

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

    const account = await authenticateUser(db, {
      email: "rina@harapan.test",
      password: "berkas-demo-2026",
    });

    expect(account).toEqual({
      id: user.id,
      email: "Rina@Harapan.test",
      name: "Rina Wulandari",
      role: "staff",
      hospitalId: hospital.id,
    });
  });

  it("returns null for a wrong password", async () => {
    const { db } = database();
    await insertUser(db, {
      role: "patient",
      email: "budi@patient.test",
      passwordHash: await hashPassword("berkas-demo-2026"),
    });

    const account = await authenticateUser(db, {
      email: "budi@patient.test",
      password: "berkas-demo-2025",
    });

    expect(account).toBeNull();
  });

  it("returns null for an unknown email", async () => {
    const { db } = database();

    const account = await authenticateUser(db, {
      email: "nobody@patient.test",
      password: "berkas-demo-2026",
    });

    expect(account).toBeNull();
  });
});
