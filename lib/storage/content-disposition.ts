/**
 * Builds a Content-Disposition value that carries a file name of any script: an ASCII
 * fallback in `filename` and the exact name in `filename*` (RFC 6266, RFC 8187).
 */
export function contentDisposition(fileName: string, type: "inline" | "attachment" = "inline") {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
