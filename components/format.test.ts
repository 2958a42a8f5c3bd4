import { describe, expect, it } from "vitest";

import { formatFileSize, formatMinutesUntil } from "./format";

const NOW = new Date("2026-12-01T10:00:00Z");
const after = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe("formatMinutesUntil", () => {
  it.each([
    [300, "in about 5 minutes"],
    [299, "in about 5 minutes"],
    [89, "in about 1 minute"],
    [30, "in about 1 minute"],
    [29, "in under a minute"],
    [0, "in under a minute"],
  ])("formats %i seconds as %j", (seconds, expected) => {
    expect(formatMinutesUntil(after(seconds), NOW)).toBe(expected);
  });
});

describe("formatFileSize", () => {
  it.each([
    [512, "512 B"],
    [1024, "1.0 KB"],
    [840_000, "820 KB"],
    [1_468_006, "1.4 MB"],
    [5 * 1024 ** 3, "5.0 GB"],
  ])("formats %i bytes as %j", (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});
