/**
 * Dates and times that doctors, staff and administrators type and read, in Western Indonesian
 * Time (WIB, Asia/Jakarta). WIB is UTC+07:00 all year because Indonesia keeps no daylight
 * saving time, so the offset is a constant.
 *
 * NOTE: the portal's hospitals are in Jakarta and Bandung. A hospital on WITA or WIT time
 * would need a time zone per hospital.
 */
export const PORTAL_TIME_ZONE = "Asia/Jakarta";

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Returns the instant at which a WIB wall-clock time occurs, or null for an impossible one. */
function wibInstant(date: string, hours: number, minutes: number, seconds: number): Date | null {
  const match = DATE.exec(date);
  if (!match || hours > 23 || minutes > 59 || seconds > 59) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMs = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const check = new Date(utcMs);
  // Date.UTC rolls 31 February over into March, so such a date is rejected as a typing error.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== day) return null;
  return new Date(utcMs - OFFSET_MS);
}

/**
 * Parses a date (`YYYY-MM-DD`) and an optional time (`HH:MM` or `HH:MM:SS`) as WIB wall time,
 * as `<input type="date">` and `<input type="time" step="1">` submit them. An empty time means
 * the last second of that day, 23:59:59. Returns null when either value is malformed.
 */
export function parseWibDateTime(date: string, time: string): Date | null {
  if (time.trim() === "") return wibInstant(date.trim(), 23, 59, 59);
  const match = TIME.exec(time.trim());
  if (!match) return null;
  return wibInstant(date.trim(), Number(match[1]), Number(match[2]), Number(match[3] ?? "0"));
}

/** Returns the first instant of a WIB calendar day given as `YYYY-MM-DD`, or null. */
export function startOfWibDay(date: string): Date | null {
  return wibInstant(date.trim(), 0, 0, 0);
}

/** Returns the first instant of the WIB day after `date` (`YYYY-MM-DD`), or null. */
export function startOfNextWibDay(date: string): Date | null {
  const start = startOfWibDay(date);
  return start && new Date(start.getTime() + DAY_MS);
}

/** Formats an instant as the WIB calendar date `YYYY-MM-DD`, the value of a date input. */
export function wibDateValue(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

const DATE_ONLY = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const DATE_TIME_SECONDS = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Formats the WIB calendar date of an instant as `4 Dec 2026`. */
export function formatWibDate(instant: Date): string {
  return DATE_ONLY.format(instant);
}

/** Formats an instant as `4 Dec 2026, 22:31 WIB`. */
export function formatWibDateTime(instant: Date): string {
  return `${DATE_TIME.format(instant)} WIB`;
}

/** Formats an instant as `4 Dec 2026, 22:31:05 WIB`, for the audit log, where seconds matter. */
export function formatWibDateTimeSeconds(instant: Date): string {
  return `${DATE_TIME_SECONDS.format(instant)} WIB`;
}

/** Formats the time of day of an instant as `22:31:05 WIB`. */
export function formatWibClock(instant: Date): string {
  return `${CLOCK.format(instant)} WIB`;
}
