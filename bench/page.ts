/**
 * Server render time of the patient's documents page for a patient with 1 document and a
 * patient with 200, measured over HTTP against `next start` (production build) on loopback.
 * The part that signing takes is measured in this process with the same key.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { hashPassword } from "@/lib/auth/password";
import { getConfig } from "@/lib/config";
import { createDatabase, migrateDatabase } from "@/lib/db/connect";
import { documents, hospitals, users } from "@/lib/db/schema";
import { ensureDevelopmentKeyRing, signDocumentLink } from "@/lib/signing";
import { hashBuildInputs, isBuildCurrent, recordBuild } from "@/scripts/stack/build";
import { runToCompletion, startChild, stopChild } from "@/scripts/stack/children";
import { prepareStackEnvironment } from "@/scripts/stack/environment";
import { waitForHttp } from "@/scripts/stack/ports";
import { startS3Store } from "@/scripts/stack/s3-store";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PASSWORD = "bench-password-2026";
const APP_PORT = 3400;

export interface PageBenchmarkResult {
  requestsPerSize: number;
  /** Median server time of one GET /documents, in milliseconds. */
  medianMs: { documents1: number; documents200: number };
  /** documents200 over documents1, from the same run. */
  ratio200To1: number;
  /** Median time to sign 200 links with the default (development) key, in milliseconds. */
  signing200Ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Seeds one hospital and two patients with 1 and 200 documents (rows only; no file is read). */
async function seed(): Promise<void> {
  const database = await createDatabase(getConfig().database);
  try {
    await migrateDatabase(database);
    const { db } = database;
    const passwordHash = await hashPassword(PASSWORD);
    const [hospital] = await db
      .insert(hospitals)
      .values({ name: "RS Bench", city: "Jakarta" })
      .returning();
    for (const count of [1, 200]) {
      const [patient] = await db
        .insert(users)
        .values({
          email: `bench${count}@patient.test`,
          name: `Bench ${count}`,
          role: "patient",
          passwordHash,
        })
        .returning();
      await db.insert(documents).values(
        Array.from({ length: count }, (_, index) => ({
          patientId: patient!.id,
          kind: (["prescription", "lab_report", "invoice", "doctor_note"] as const)[index % 4]!,
          title: `Bench document ${index + 1}`,
          objectKey: `documents/bench-${count}-${index}`,
          fileName: `bench-${index}.pdf`,
          contentType: "application/pdf",
          sizeBytes: 1000 + index,
          hospitalId: hospital!.id,
          issuedAt: new Date(Date.now() - index * 60_000),
        })),
      );
    }
  } finally {
    await database.close();
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: "/" }),
  });
  const session = response.headers
    .getSetCookie()
    .find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`Benchmark sign-in as ${email} failed (HTTP ${response.status})`);
  return session.split(";")[0]!;
}

async function timePage(base: string, cookie: string, requests: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/documents`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`GET /documents returned ${response.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

/** Runs the page benchmark on its own data folder and ports, and removes both afterwards. */
export async function benchmarkDocumentsPage(requests = 41): Promise<PageBenchmarkResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "berkas-bench-"));
  const store = await startS3Store({
    port: 0,
    dataDir,
    bucket: "berkas-bench",
    allowedOrigins: [],
  });
  const { env } = await prepareStackEnvironment({
    ...process.env,
    BERKAS_DATA_DIR: dataDir,
    APP_PORT: String(APP_PORT),
    S3_ENDPOINT: `http://127.0.0.1:${store.port}`,
    S3_BUCKET: "berkas-bench",
    LOG_LEVEL: "warn",
  });
  Object.assign(process.env, env);
  await ensureDevelopmentKeyRing(path.dirname(getConfig().cloudfront.keyRingFile));
  await seed();

  const sourceHash = await hashBuildInputs(ROOT);
  if (!(await isBuildCurrent(ROOT, sourceHash))) {
    await runToCompletion(process.execPath, [NEXT_BIN, "build"], env);
    await recordBuild(ROOT, sourceHash);
  }
  const app = startChild(
    "bench-app",
    process.execPath,
    [NEXT_BIN, "start", "--port", String(APP_PORT), "--hostname", "127.0.0.1"],
    env,
  );
  try {
    const base = `http://127.0.0.1:${APP_PORT}`;
    await waitForHttp(`${base}/sign-in`, 60_000);
    const sessionOf1 = await signIn(base, "bench1@patient.test");
    const sessionOf200 = await signIn(base, "bench200@patient.test");
    await timePage(base, sessionOf1, 5);
    await timePage(base, sessionOf200, 5);

    const times1: number[] = [];
    const times200: number[] = [];
    for (let round = 0; round < requests; round++) {
      times1.push(...(await timePage(base, sessionOf1, 1)));
      times200.push(...(await timePage(base, sessionOf200, 1)));
    }

    const signing: number[] = [];
    for (let round = 0; round < 21; round++) {
      const start = performance.now();
      for (let i = 0; i < 200; i++) {
        signDocumentLink({
          objectKey: `documents/bench-${i}`,
          kind: "lab_report",
          validUntil: null,
        });
      }
      signing.push(performance.now() - start);
    }

    const documents1 = median(times1);
    const documents200 = median(times200);
    return {
      requestsPerSize: requests,
      medianMs: { documents1, documents200 },
      ratio200To1: documents200 / documents1,
      signing200Ms: median(signing),
    };
  } finally {
    await stopChild(app);
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
