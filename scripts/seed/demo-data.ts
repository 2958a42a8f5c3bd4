/**
 * The demo accounts and documents seeded on first start. End-to-end tests import these
 * constants, so the names here are the ones a tester types.
 */

/** Every demo account shares this password; it exists only in local data folders. */
export const DEMO_PASSWORD = "berkas-demo-2026";

export const DEMO_HOSPITALS = [
  { key: "harapan", name: "RS Harapan Sehat", city: "Jakarta" },
  { key: "mitra", name: "RS Mitra Medika", city: "Bandung" },
] as const;

export type DemoHospitalKey = (typeof DEMO_HOSPITALS)[number]["key"];

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: "patient" | "doctor" | "staff" | "admin";
  hospital?: DemoHospitalKey;
}

export const DEMO_USERS = [
  { key: "patient", email: "siti@patient.test", name: "Siti Rahayu", role: "patient" },
  { key: "otherPatient", email: "budi@patient.test", name: "Budi Santoso", role: "patient" },
  { key: "doctor", email: "dr.anisa@berkas.test", name: "dr. Anisa Putri, Sp.PD", role: "doctor" },
  {
    key: "staffHarapan",
    email: "rina@harapan.test",
    name: "Rina Wulandari",
    role: "staff",
    hospital: "harapan",
  },
  {
    key: "staffMitra",
    email: "agus@mitra.test",
    name: "Agus Pratama",
    role: "staff",
    hospital: "mitra",
  },
  { key: "admin", email: "admin@berkas.test", name: "Portal Administrator", role: "admin" },
] as const satisfies readonly DemoUser[];

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export function demoUser(key: DemoUserKey): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`Unknown demo user ${key}`);
  return user;
}
