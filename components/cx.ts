/** Joins class names, skipping false, null and undefined, so long Tailwind lists can wrap. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
