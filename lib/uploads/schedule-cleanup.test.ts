import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from "vitest";

import type { UploadsContext } from "./context";
import { cleanupIntervalMs, scheduleUploadCleanup } from "./schedule-cleanup";
import { startIdentityUpload } from "./start-identity-upload";
import type { Database } from "@/lib/db/connect";
import { appointments, documents } from "@/lib/db/schema";
import type { Storage } from "@/lib/storage";
import { createS3Client } from "@/lib/storage/client";
import { startS3Store } from "@/scripts/stack/s3-store";
import { openTestDatabase } from "@/test/database";
import { insertHospital, insertUser } from "@/test/fixtures";

const BUCKET = "berkas-schedule-test";
const HOUR_MS = 60 * 60 * 1000;

let dataDir: string;
let store: { port: number; close(): Promise<void> };
let database: Database;
let context: UploadsContext;
let logLines: Array<{ level: number; msg: string; err?: { message: string } }>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berkas-schedule-"));
  store = await startS3Store({ port: 0, dataDir, bucket: BUCKET, allowedOrigins: [] });
  const storage: Storage = {
    client: createS3Client({
      endpoint: `http://127.0.0.1:${store.port}`,
      region: "us-east-1",
      bucket: BUCKET,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    }),
    bucket: BUCKET,
  };
  database = await openTestDatabase("pglite");
  context = {
    db: database.db,
    storage,
    log: pino({ level: "silent" }),
    now: () => new Date(),
    clientIp: null,
  };
});

afterAll(async () => {
  await database?.close();
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  logLines = [];
  // Only the schedule's timer is faked, so PGlite and s3rver keep their real timers.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});

afterEach(() => {
  vi.useRealTimers();
});

const log = () =>
  pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

test.each([
  [60, 60_000],
  [90, 60_000],
  [900, 300_000],
  [86_400, 28_800_000],
])("interval for max age %i s is %i ms", (maxAgeSeconds, expected) => {
  expect(cleanupIntervalMs(maxAgeSeconds)).toBe(expected);
});

test("first run removes an expired upload", async () => {
  const hospital = await insertHospital(context.db);
  const patient = await insertUser(context.db, { role: "patient" });
  const [appointment] = await context.db
    .insert(appointments)
    .values({
      patientId: patient.id,
      hospitalId: hospital.id,
      department: "Cardiology",
      scheduledAt: new Date(Date.now() + 24 * HOUR_MS),
    })
    .returning();
  const upload = await startIdentityUpload(
    context,
    { id: patient.id, role: "patient", hospitalId: null },
    {
      appointmentId: appointment!.id,
      identityType: "ktp",
      fileName: "ktp.png",
      contentType: "image/png",
      sizeBytes: 2048,
    },
  );
  const anHourLater = { ...context, now: () => new Date(Date.now() + HOUR_MS) };

  const schedule = scheduleUploadCleanup({
    maxAgeSeconds: 900,
    context: async () => anHourLater,
    log: log(),
  });
  await schedule.firstRun;
  schedule.stop();

  const rows = await context.db.select().from(documents).where(eq(documents.id, upload.documentId));
  expect(rows).toEqual([]);
  expect(logLines.map((line) => line.msg)).toEqual(["upload cleanup scheduled"]);
});

test("failed run is logged and the schedule goes on", async () => {
  const contextFor = vi
    .fn<() => Promise<UploadsContext>>()
    .mockRejectedValueOnce(new Error("database down"))
    // The second run never gets its context, so no query outlives the test.
    .mockReturnValue(new Promise<UploadsContext>(() => undefined));

  const schedule = scheduleUploadCleanup({ maxAgeSeconds: 900, context: contextFor, log: log() });
  await schedule.firstRun;
  vi.advanceTimersByTime(300_000);
  schedule.stop();

  expect(contextFor).toHaveBeenCalledTimes(2);
  const failure = logLines.find((line) => line.msg === "upload cleanup failed");
  expect(failure?.level).toBe(50);
  expect(failure?.err?.message).toBe("database down");
});

test("run is skipped while the previous one runs", () => {
  const contextFor = vi.fn(() => new Promise<UploadsContext>(() => undefined));

  const schedule = scheduleUploadCleanup({ maxAgeSeconds: 900, context: contextFor, log: log() });
  vi.advanceTimersByTime(300_000);
  schedule.stop();

  expect(contextFor).toHaveBeenCalledTimes(1);
  expect(logLines.map((line) => line.msg)).toEqual([
    "upload cleanup scheduled",
    "upload cleanup skipped: the previous run has not finished",
  ]);
});

test("stop ends the schedule", async () => {
  const contextFor = vi.fn(async () => context);

  const schedule = scheduleUploadCleanup({ maxAgeSeconds: 60, context: contextFor, log: log() });
  await schedule.firstRun;
  schedule.stop();
  vi.advanceTimersByTime(10 * 60_000);

  expect(contextFor).toHaveBeenCalledTimes(1);
});
