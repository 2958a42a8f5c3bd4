import type { UploadTarget } from "./action-result";

/** Outcome of a presigned POST: stored, aborted by the patient, or failed on the way. */
export type PostOutcome =
  { kind: "stored" } | { kind: "aborted" } | { kind: "failed"; status: number };

/**
 * Sends `file` to S3 as a multipart POST with the presigned fields first and the file last,
 * because S3 ignores every field after the file. XMLHttpRequest rather than fetch, because
 * only XHR reports upload progress. Aborting `signal` aborts the request. Status 0 means the
 * connection failed before any response, e.g. a network error or a CORS refusal.
 */
export function postFile(
  target: Pick<UploadTarget, "url" | "fields">,
  file: File,
  options: { signal: AbortSignal; onProgress: (loaded: number, total: number) => void },
): Promise<PostOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append("file", file);

  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    const settle = (outcome: PostOutcome) => {
      options.signal.removeEventListener("abort", abort);
      resolve(outcome);
    };

    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      const stored = request.status >= 200 && request.status < 300;
      settle(stored ? { kind: "stored" } : { kind: "failed", status: request.status });
    };
    request.onerror = () => settle({ kind: "failed", status: 0 });
    request.ontimeout = () => settle({ kind: "failed", status: 0 });
    request.onabort = () => settle({ kind: "aborted" });

    if (options.signal.aborted) return settle({ kind: "aborted" });
    options.signal.addEventListener("abort", abort);
    request.open("POST", target.url);
    request.send(form);
  });
}
