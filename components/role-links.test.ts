import { describe, expect, it } from "vitest";

import { activeHrefOf, ROLE_LINKS } from "./role-links";

describe("activeHrefOf", () => {
  it.each([
    ["/doctor", "/doctor"],
    ["/doctor/issue", "/doctor/issue"],
    ["/doctor/issue/", "/doctor/issue"],
    ["/doctors", undefined],
    ["/documents", undefined],
  ])("marks %s for a doctor as %s", (pathname, expected) => {
    expect(activeHrefOf(ROLE_LINKS.doctor, pathname)).toBe(expected);
  });

  it("marks the queue on a review page", () => {
    expect(activeHrefOf(ROLE_LINKS.staff, "/staff/review/0b7f3c5e")).toBe("/staff");
  });

  it("marks the audit log only on its page", () => {
    expect(activeHrefOf(ROLE_LINKS.admin, "/admin/audit")).toBe("/admin/audit");
    expect(activeHrefOf(ROLE_LINKS.admin, "/admin")).toBeUndefined();
  });
});
