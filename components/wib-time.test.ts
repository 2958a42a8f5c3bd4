import { describe, expect, it } from "vitest";

import {
  formatWibClock,
  formatWibDate,
  formatWibDateTime,
  formatWibDateTimeSeconds,
  parseWibDateTime,
  startOfNextWibDay,
  startOfWibDay,
  wibDateValue,
} from "./wib-time";

describe("parseWibDateTime", () => {
  it.each([
    ["2026-12-31", "", "2026-12-31T16:59:59.000Z"],
    ["2026-12-31", "08:30", "2026-12-31T01:30:00.000Z"],
    ["2026-12-31", "08:30:15", "2026-12-31T01:30:15.000Z"],
    ["2027-01-01", "03:00", "2026-12-31T20:00:00.000Z"],
    [" 2028-02-29 ", " 23:59:59 ", "2028-02-29T16:59:59.000Z"],
  ])("reads %s %j as WIB", (date, time, expected) => {
    expect(parseWibDateTime(date, time)?.toISOString()).toBe(expected);
  });

  it.each([
    ["", ""],
    ["2026-02-30", ""],
    ["2027-02-29", "10:00"],
    ["2026-13-01", ""],
    ["31/12/2026", ""],
    ["2026-12-31", "24:00"],
    ["2026-12-31", "10:60"],
    ["2026-12-31", "10:00:60"],
    ["2026-12-31", "10"],
    ["2026-12-31T10:00", ""],
  ])("rejects %j %j", (date, time) => {
    expect(parseWibDateTime(date, time)).toBeNull();
  });
});

describe("WIB days", () => {
  it("starts a day at 17:00 UTC the day before", () => {
    expect(startOfWibDay("2026-12-05")?.toISOString()).toBe("2026-12-04T17:00:00.000Z");
    expect(startOfNextWibDay("2026-12-05")?.toISOString()).toBe("2026-12-05T17:00:00.000Z");
    expect(startOfNextWibDay("2026-12-31")?.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });

  it("rejects an impossible day", () => {
    expect(startOfWibDay("2026-04-31")).toBeNull();
    expect(startOfNextWibDay("")).toBeNull();
  });

  it("names the WIB date of an instant", () => {
    expect(wibDateValue(new Date("2026-12-04T16:59:59Z"))).toBe("2026-12-04");
    expect(wibDateValue(new Date("2026-12-04T17:00:00Z"))).toBe("2026-12-05");
  });
});

describe("WIB formatting", () => {
  const instant = new Date("2026-12-04T15:31:05Z");

  it("formats in WIB whatever the server's zone", () => {
    expect(formatWibDate(new Date("2026-12-04T17:00:00Z"))).toBe("5 Dec 2026");
    expect(formatWibDateTime(instant)).toBe("4 Dec 2026, 22:31 WIB");
    expect(formatWibDateTimeSeconds(instant)).toBe("4 Dec 2026, 22:31:05 WIB");
    expect(formatWibClock(instant)).toBe("22:31:05 WIB");
  });
});
