import { describe, expect, it } from "vitest";

import { responseOverridesOf } from "./response-overrides";

describe("responseOverridesOf", () => {
  it("reads the forwarded overrides", () => {
    const query =
      "response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22" +
      "&response-content-language=id&response-cache-control=no-cache" +
      "&response-expires=Fri%2C%2004%20Dec%202026%2012%3A00%3A00%20GMT";
    expect(responseOverridesOf(query)).toEqual({
      ResponseContentDisposition: 'attachment; filename="a.pdf"',
      ResponseContentLanguage: "id",
      ResponseCacheControl: "no-cache",
      ResponseExpires: new Date("2026-12-04T12:00:00Z"),
    });
  });

  it("ignores content type and subresources", () => {
    const query = "response-content-type=text/html&response-content-encoding=gzip&acl&versionId=1";
    expect(responseOverridesOf(query)).toEqual({});
  });

  it("drops values that are not printable ASCII", () => {
    expect(responseOverridesOf("response-content-disposition=a%0D%0Ab")).toEqual({});
    expect(responseOverridesOf("response-content-language=%E2%82%AC")).toEqual({});
  });

  it("keeps the first of repeated parameters", () => {
    const query = "response-content-language=id&response-content-language=en";
    expect(responseOverridesOf(query)).toEqual({ ResponseContentLanguage: "id" });
  });

  it("ignores an invalid expiry date", () => {
    expect(responseOverridesOf("response-expires=tomorrow")).toEqual({});
  });
});
