/** The point where a resource pattern stopped matching, for messages. */
export interface GlobMismatch {
  /** Index into the request resource where matching failed (may equal its length). */
  textIndex: number;
  /** Index into the pattern at that point (may equal its length). */
  patternIndex: number;
}

/**
 * Matches a custom policy's Resource against the rebuilt request URL. `*` matches any run of
 * characters (including `/` and `?`), `?` matches exactly one, everything else is literal and
 * case-sensitive, and the match is anchored at both ends. There is no escape syntax.
 *
 * Returns undefined on a match, else the furthest point any attempt reached, which is where a
 * person should look. The backtracking keeps only the last `*`, so the cost is O(n·m) at
 * worst and linear for the usual single trailing `*`.
 */
export function matchResource(pattern: string, text: string): GlobMismatch | undefined {
  let t = 0;
  let p = 0;
  let starPattern = -1;
  let starText = 0;
  let furthest: GlobMismatch = { textIndex: 0, patternIndex: 0 };
  while (t < text.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 /* ? */ || c === text.charCodeAt(t))) {
      t++;
      p++;
      continue;
    }
    if (p < pattern.length && c === 42 /* * */) {
      starPattern = p++;
      starText = t;
      continue;
    }
    if (t >= furthest.textIndex) furthest = { textIndex: t, patternIndex: p };
    if (starPattern < 0) return furthest;
    p = starPattern + 1;
    t = ++starText;
  }
  while (pattern.charCodeAt(p) === 42) p++;
  if (p === pattern.length) return undefined;
  return t >= furthest.textIndex ? { textIndex: t, patternIndex: p } : furthest;
}
