import type { GlobMismatch } from "./glob";

/** Renders the character at `index` for a message, keeping a `%XX` escape together. */
function tokenAt(text: string, index: number, end: string): string {
  if (index >= text.length) return end;
  if (text[index] === "%" && /^%[0-9A-Fa-f]{2}/.test(text.slice(index, index + 3))) {
    return `\`${text.slice(index, index + 3)}\``;
  }
  const codePoint = text.codePointAt(index) ?? 0;
  return `\`${String.fromCodePoint(codePoint)}\``;
}

/**
 * Describes where the request's resource and a policy Resource part ways, for example
 * "resource differs at byte 37: `%20` in the request, ` ` in the policy". Byte numbers count
 * UTF-8 bytes of the request resource from 1, as `cmp` does.
 */
export function describeMismatch(request: string, pattern: string, at: GlobMismatch): string {
  let textIndex = at.textIndex;
  let patternIndex = at.patternIndex;
  // A difference inside a `%XX` escape is reported from its `%`, so both escapes show whole.
  for (const back of [1, 2]) {
    if (request[textIndex - back] === "%" && pattern[patternIndex - back] === "%") {
      textIndex -= back;
      patternIndex -= back;
      break;
    }
  }
  const byte = Buffer.byteLength(request.slice(0, textIndex)) + 1;
  const inRequest = tokenAt(request, textIndex, "the end of the URL");
  const inPolicy = tokenAt(pattern, patternIndex, "the end of the pattern");
  return `resource differs at byte ${byte}: ${inRequest} in the request, ${inPolicy} in the policy`;
}

/** Formats an epoch second as ISO 8601 UTC without milliseconds. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(".000Z", "Z");
}

/** Quotes a value for a message, shortening it so a log line stays readable. */
export function quote(value: string, max = 160): string {
  const shortened = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shortened);
}
