import { describe, expect, it } from "vitest";

import {
  auditQueryString,
  canonicalAuditPath,
  parseAuditQuery,
  summarizeDetail,
} from "./audit-query";

const DOCUMENT_ID = "0B7F3C5E-2F44-4C1B-9A57-3F3F1D5C2A10";

describe("parseAuditQuery", () => {
  it("returns the newest page without parameters", () => {
    const query = parseAuditQuery({});

    expect(query).toEqual({
      ok: true,
      values: { action: "", documentId: "", from: "", to: "" },
      filter: { limit: 50 },
    });
  });

  it("reads every filter", () => {
    const query = parseAuditQuery({
      action: "document.revoked",
      documentId: ` ${DOCUMENT_ID} `,
      from: "2026-12-01",
      to: "2026-12-04",
      beforeId: "812",
    });

    expect(query.ok).toBe(true);
    if (!query.ok) return;
    expect(query.filter.action).toBe("document.revoked");
    expect(query.filter.documentId).toBe(DOCUMENT_ID.toLowerCase());
    expect(query.filter.from?.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(query.filter.to?.toISOString()).toBe("2026-12-04T17:00:00.000Z");
    expect(query.filter.beforeId).toBe(812);
    expect(query.values.documentId).toBe(DOCUMENT_ID);
  });

  it("includes the whole of a single day", () => {
    const query = parseAuditQuery({ from: "2026-12-04", to: "2026-12-04" });

    expect(query.ok).toBe(true);
    if (!query.ok) return;
    expect(query.filter.from?.toISOString()).toBe("2026-12-03T17:00:00.000Z");
    expect(query.filter.to?.toISOString()).toBe("2026-12-04T17:00:00.000Z");
  });

  it("takes the first of repeated parameters", () => {
    const query = parseAuditQuery({ action: ["link.minted", "document.issued"] });

    expect(query.ok).toBe(true);
    if (!query.ok) return;
    expect(query.filter.action).toBe("link.minted");
  });

  it.each([
    [{ action: "document.deleted" }, `"document.deleted" is not an audit action.`],
    [{ documentId: "0b7f3c5e" }, `"0b7f3c5e" is not a document id. Document ids are UUIDs.`],
    [{ from: "04/12/2026" }, `"04/12/2026" is not a date. Use YYYY-MM-DD.`],
    [{ to: "2026-02-30" }, `"2026-02-30" is not a date. Use YYYY-MM-DD.`],
    [{ from: "2026-12-05", to: "2026-12-04" }, "The start date is after the end date."],
    [{ beforeId: "0" }, `"0" is not an event id.`],
    [{ beforeId: "12abc" }, `"12abc" is not an event id.`],
  ])("rejects %j", (params, message) => {
    const query = parseAuditQuery(params);

    expect(query.ok).toBe(false);
    expect(query.ok ? "" : query.error).toBe(message);
  });
});

describe("auditQueryString", () => {
  it("keeps only the filters in use", () => {
    const values = { action: "link.minted", documentId: "", from: "2026-12-01", to: "" };

    expect(auditQueryString(values)).toBe("?action=link.minted&from=2026-12-01");
    expect(auditQueryString(values, 40)).toBe("?action=link.minted&from=2026-12-01&beforeId=40");
    expect(auditQueryString({ action: "", documentId: "", from: "", to: "" })).toBe("");
  });
});

describe("canonicalAuditPath", () => {
  it("drops the empty fields of a form submission", () => {
    expect(canonicalAuditPath({ action: "", documentId: DOCUMENT_ID, from: "", to: "" })).toBe(
      `/admin/audit?documentId=${DOCUMENT_ID}`,
    );
    expect(canonicalAuditPath({ action: "", documentId: "", from: "", to: "" })).toBe(
      "/admin/audit",
    );
    expect(canonicalAuditPath({ action: "link.minted", to: "", beforeId: "40" })).toBe(
      "/admin/audit?action=link.minted&beforeId=40",
    );
  });

  it("keeps an address without empty fields", () => {
    expect(canonicalAuditPath({})).toBeNull();
    expect(canonicalAuditPath({ action: "link.minted", beforeId: "40" })).toBeNull();
  });
});

describe("summarizeDetail", () => {
  it("lists keys with bare strings and JSON values", () => {
    expect(summarizeDetail({ decision: "rejected", reason: null, ipBound: false })).toBe(
      "decision: rejected · reason: null · ipBound: false",
    );
    expect(summarizeDetail(null)).toBe("");
  });

  it("cuts long details to the limit", () => {
    const summary = summarizeDetail({ reason: "x".repeat(300) }, 20);

    expect(summary).toBe(`reason: ${"x".repeat(11)}…`);
    expect(summary.length).toBe(20);
  });
});
