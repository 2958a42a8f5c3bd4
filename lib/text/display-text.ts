/**
 * Unicode bidirectional controls (embeddings, overrides, isolates, marks) and invisible
 * zero-width characters. U+202E (right-to-left override) in a file name makes
 * `KTP<U+202E>gnp.exe` display as `KTPexe.png`, so none of these may reach a page.
 * ZWNJ and ZWJ (U+200C, U+200D) are kept: scripts and emoji sequences need them.
 */
const INVISIBLE_CONTROLS =
  /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Returns `text` in NFC with bidirectional and zero-width controls removed. */
export function toDisplayText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE_CONTROLS, "");
}
