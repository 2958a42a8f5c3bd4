import { describe, expect, test } from "vitest";

import { MAX_IDENTITY_UPLOAD_BYTES } from "./file-types";
import { checkChosenFile } from "./messages";

describe("checkChosenFile", () => {
  test.each([
    ["image/jpeg", "ktp.jpg"],
    ["image/png", "ktp.png"],
    ["application/pdf", "ktp.pdf"],
  ])("accepts %s", (type, name) => {
    expect(checkChosenFile({ name, type, size: 2048 })).toBeNull();
  });

  test("accepts exactly 10 MB", () => {
    const file = { name: "ktp.pdf", type: "application/pdf", size: MAX_IDENTITY_UPLOAD_BYTES };
    expect(checkChosenFile(file)).toBeNull();
  });

  test("rejects one byte over 10 MB", () => {
    const file = { name: "ktp.pdf", type: "application/pdf", size: MAX_IDENTITY_UPLOAD_BYTES + 1 };
    expect(checkChosenFile(file)).toBe(
      '"ktp.pdf" is 10.0 MB, more than the 10 MB limit. Upload a smaller scan or photo.',
    );
  });

  test("rejects 11 MB", () => {
    const file = { name: "scan.png", type: "image/png", size: 11 * 1024 * 1024 };
    expect(checkChosenFile(file)).toBe(
      '"scan.png" is 11 MB, more than the 10 MB limit. Upload a smaller scan or photo.',
    );
  });

  test.each([
    ["image/heic", "IMG_0042.heic"],
    ["application/x-msdownload", "setup.exe"],
    ["", "ktp"],
  ])("rejects type %j", (type, name) => {
    expect(checkChosenFile({ name, type, size: 2048 })).toBe(
      `"${name}" is not a JPEG, PNG or PDF file. Scan or photograph your document and upload ` +
        "it in one of those formats.",
    );
  });

  test("rejects an empty file", () => {
    expect(checkChosenFile({ name: "ktp.pdf", type: "application/pdf", size: 0 })).toBe(
      '"ktp.pdf" is empty. Choose another file.',
    );
  });
});
