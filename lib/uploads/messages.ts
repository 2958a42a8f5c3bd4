import { MAX_IDENTITY_UPLOAD_BYTES, formatMegabytes, isIdentityUploadType } from "./file-types";

/*
 * Messages a patient sees when an identity document is not accepted. The upload page
 * checks files in the browser with the same wording as the server, so this module must not
 * import server-only code.
 */

export function unsupportedTypeMessage(fileName: string): string {
  return (
    `"${fileName}" is not a JPEG, PNG or PDF file. Scan or photograph your ` +
    "document and upload it in one of those formats."
  );
}

export function emptyFileMessage(fileName: string): string {
  return `"${fileName}" is empty. Choose another file.`;
}

export function tooLargeMessage(fileName: string, sizeBytes: number): string {
  return (
    `"${fileName}" is ${formatMegabytes(sizeBytes)}, more than the ` +
    `${formatMegabytes(MAX_IDENTITY_UPLOAD_BYTES)} limit. Upload a smaller scan or photo.`
  );
}

/** The facts about a chosen file that can be checked before it is uploaded. */
export interface ChosenFile {
  name: string;
  /** The MIME type the browser derived from the file name, or "" when it derived none. */
  type: string;
  size: number;
}

/**
 * Returns why a file cannot be uploaded as an identity document, or null when its declared
 * type and size are acceptable. Only the declared type is known here, so the server still
 * checks the stored bytes after the upload.
 */
export function checkChosenFile(file: ChosenFile): string | null {
  if (!isIdentityUploadType(file.type)) return unsupportedTypeMessage(file.name);
  if (file.size < 1) return emptyFileMessage(file.name);
  if (file.size > MAX_IDENTITY_UPLOAD_BYTES) return tooLargeMessage(file.name, file.size);
  return null;
}
