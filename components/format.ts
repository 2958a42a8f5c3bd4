// NOTE: dates and times are formatted in the server's time zone (TZ), and the page does not
// name it. Run the app with TZ set to the patients' zone, e.g. TZ=Asia/Jakarta.

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

const CLOCK = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Formats a date as `1 Dec 2026`. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

/** Formats a time of day as `HH:MM:SS` on a 24-hour clock. */
export function formatClock(date: Date): string {
  return CLOCK.format(date);
}

/** Describes how far `date` is ahead of `now`, to the nearest minute: `in about 5 minutes`. */
export function formatMinutesUntil(date: Date, now: Date): string {
  const minutes = Math.round((date.getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return "in under a minute";
  return minutes === 1 ? "in about 1 minute" : `in about ${minutes} minutes`;
}

const SIZE_UNITS = ["KB", "MB", "GB"] as const;

/** Formats a byte count as `820 KB` or `1.4 MB` (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit: (typeof SIZE_UNITS)[number] = "KB";
  for (const next of SIZE_UNITS.slice(1)) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}
