/** Result of an upload server action: a value, or a message to show in the browser. */
export type UploadActionResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The presigned POST the browser sends the file with. */
export interface UploadTarget {
  documentId: string;
  url: string;
  fields: Record<string, string>;
}
