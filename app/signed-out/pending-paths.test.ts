import { describe, expect, it } from "vitest";

import { decodePendingPaths, encodePendingPaths } from "./pending-paths";

const path = (n: number) =>
  `/documents/${String(n).padStart(8, "0")}-2f44-4c1b-9a57-3f3f1d5c2a10/images/`;

describe("encodePendingPaths", () => {
  it("round-trips through decodePendingPaths", () => {
    const paths = [path(1), path(2), "/documents/a%20b/images/"];

    const { value, omitted } = encodePendingPaths(paths);

    expect(omitted).toBe(0);
    expect(decodePendingPaths(value)).toEqual(paths);
  });

  it("keeps the newest paths that fit", () => {
    const paths = Array.from({ length: 100 }, (_, index) => path(index));

    const { value, omitted } = encodePendingPaths(paths);

    const kept = decodePendingPaths(value);
    expect(kept).toEqual(paths.slice(0, kept.length));
    expect(omitted).toBe(100 - kept.length);
    expect(kept.length).toBeGreaterThan(40);
    expect(encodeURIComponent(value).length).toBeLessThanOrEqual(3600);
  });
});

describe("decodePendingPaths", () => {
  it("drops values that are no images path", () => {
    const value = [path(1), "/", "/documents/x/images", "/a;Domain=evil/images/", ""].join(",");

    expect(decodePendingPaths(value)).toEqual([path(1)]);
    expect(decodePendingPaths(undefined)).toEqual([]);
  });
});
