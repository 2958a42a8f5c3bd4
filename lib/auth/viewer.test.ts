import { describe, expect, it } from "vitest";

import { viewerFromSession } from "./viewer";

const USER_ID = "5b0c7a56-0b9a-4c36-9d55-2f4f0e6b7a11";
const HOSPITAL_ID = "0d9c4b3e-7f21-4a55-8c1e-6a2b9d3f4e10";

describe("viewerFromSession", () => {
  it("builds a patient viewer", () => {
    const session = {
      user: { id: USER_ID, name: "Siti Rahayu", email: "siti@patient.test", role: "patient" },
    };

    expect(viewerFromSession(session)).toEqual({
      id: USER_ID,
      name: "Siti Rahayu",
      email: "siti@patient.test",
      role: "patient",
      hospitalId: null,
    });
  });

  it("keeps the hospital of staff only", () => {
    const user = { id: USER_ID, name: "Rina", email: "rina@harapan.test", hospitalId: HOSPITAL_ID };

    expect(viewerFromSession({ user: { ...user, role: "staff" } })?.hospitalId).toBe(HOSPITAL_ID);
    expect(viewerFromSession({ user: { ...user, role: "doctor" } })?.hospitalId).toBeNull();
  });

  it.each([
    ["no session", null],
    ["no user", { user: undefined }],
    ["a missing role", { user: { id: USER_ID, name: "A", email: "a@example.test" } }],
    [
      "an unknown role",
      { user: { id: USER_ID, name: "A", email: "a@example.test", role: "root" } },
    ],
    ["a malformed id", { user: { id: "42", name: "A", email: "a@example.test", role: "patient" } }],
  ])("returns null for %s", (_case, session) => {
    expect(viewerFromSession(session)).toBeNull();
  });
});
