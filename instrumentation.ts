/**
 * Runs once when a Next.js server starts. On the Node.js runtime it validates the
 * configuration and the signing setup, so a bad setting stops start-up with a message that
 * names the variable instead of failing on the first page view. It also closes the
 * database when the server stops.
 */
export async function register(): Promise<void> {
  // Next.js inlines NEXT_RUNTIME at build time; it is not configuration of this app.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("./app/_lib/startup");
  await checkStartup();
  const { closeDatabaseOnShutdown } = await import("./app/_lib/shutdown");
  closeDatabaseOnShutdown();
  // Deletes unconfirmed uploads older than UPLOAD_CLEANUP_AFTER_SECONDS, with their objects.
  const { scheduleUploadCleanup } = await import("./lib/uploads/schedule-cleanup");
  scheduleUploadCleanup();
}
