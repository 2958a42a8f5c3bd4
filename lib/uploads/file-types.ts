/** Content types a patient may upload as an identity document, with their names for people. */
export const IDENTITY_UPLOAD_TYPES = {
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "application/pdf": "PDF document",
} as const;

export type IdentityUploadType = keyof typeof IDENTITY_UPLOAD_TYPES;

/** The largest identity document accepted: 10 MiB. */
export const MAX_IDENTITY_UPLOAD_BYTES = 10 * 1024 * 1024;

export function isIdentityUploadType(value: string): value is IdentityUploadType {
  return Object.hasOwn(IDENTITY_UPLOAD_TYPES, value);
}

/** File type identified from a file's first bytes. */
export type DetectedFileType = IdentityUploadType | "executable" | "unknown";

const SIGNATURES: ReadonlyArray<{ type: DetectedFileType; bytes: readonly number[] }> = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // ELF (Linux), MZ (Windows PE), Mach-O 64-bit, and a shell script's "#!".
  { type: "executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: "executable", bytes: [0x4d, 0x5a] },
  { type: "executable", bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { type: "executable", bytes: [0x23, 0x21] },
];

/** Number of leading bytes `detectFileType` needs. */
export const SIGNATURE_BYTES = 8;

/** Identifies a file by its signature (magic bytes), ignoring its name and declared type. */
export function detectFileType(prefix: Uint8Array): DetectedFileType {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, index) => prefix[index] === byte)) return signature.type;
  }
  return "unknown";
}

/** Formats a byte count for people, e.g. "10 MB" or "11.5 MB" (1 MB = 1,048,576 bytes). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}
