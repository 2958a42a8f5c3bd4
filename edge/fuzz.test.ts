import { Agent } from "node:http";

import { getSignedCookies, getSignedUrl } from "@aws-sdk/cloudfront-signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";

import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { mayAccept, type FuzzRequest, type SignedBase } from "./testing/fuzz-oracle";
import { mutate, rawRequestOf, seededRandom, type FuzzCase } from "./testing/fuzz-mutations";
import { send, sendRaw } from "./testing/http";
import {
  cookieHeaderOf,
  generateTestKey,
  keyRingOf,
  signTestCookieHeader,
  signTestPolicyUrl,
  signTestUrl,
  targetOf,
  wildcardPolicy,
  type TestKey,
} from "./testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "./testing/s3";

/**
 * Reads a positive integer tuning knob of this test. These two variables are read here and not
 * through lib/config, which describes the app's environment, because they only size a test
 * run, e.g. `FUZZ_CASES=100000 FUZZ_SEED=7 npx vitest run edge/fuzz.test.ts`.
 */
function knob(name: "FUZZ_CASES" | "FUZZ_SEED", fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name}=${JSON.stringify(text)} is invalid: use a positive whole number`);
  }
  return value;
}

const CASES = knob("FUZZ_CASES", 10_000);
const SEED = knob("FUZZ_SEED", 20_261_204);
const RAW_CASES = Math.max(500, Math.floor(CASES / 5));
const CONCURRENCY = 16;

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);
const REPORT = `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`;
const WILDCARD = `${TEST_PUBLIC_ORIGIN}/documents/*`;

let s3: TestS3;
let edge: TestEdge;
let ecdsa: TestKey;
let rsa: TestKey;
let bases: Array<SignedBase & { name: string }>;
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => void uncaught.push(error);

function signedBases(): Array<SignedBase & { name: string }> {
  const url = (target: string, wildcardResource?: string) => ({
    request: { target, cookie: undefined },
    mode: "url" as const,
    wildcardResource,
  });
  const cookie = (header: string, wildcardResource?: string) => ({
    request: { target: "/documents/report.pdf", cookie: header },
    mode: "cookie" as const,
    wildcardResource,
  });
  const ipBound = getSignedUrl({
    url: REPORT,
    keyPairId: ecdsa.keyPairId,
    privateKey: ecdsa.privateKeyPem,
    dateLessThan: LATER,
    dateGreaterThan: new Date(NOW.getTime() - 60_000),
    ipAddress: "127.0.0.1/32",
    algorithm: "SHA256",
  });
  const cannedCookies = getSignedCookies({
    url: REPORT,
    keyPairId: rsa.keyPairId,
    privateKey: rsa.privateKeyPem,
    dateLessThan: LATER,
  });
  return [
    {
      name: "canned URL, ECDSA, SHA-256",
      ...url(targetOf(signTestUrl(ecdsa, `${REPORT}?size=large`, LATER))),
    },
    { name: "canned URL, RSA, SHA-1", ...url(targetOf(signTestUrl(rsa, REPORT, LATER, "SHA1"))) },
    { name: "custom URL with IP and start", ...url(targetOf(ipBound)) },
    {
      name: "wildcard URL",
      ...url(targetOf(signTestPolicyUrl(ecdsa, REPORT, wildcardPolicy(WILDCARD, LATER))), WILDCARD),
    },
    { name: "canned cookies, RSA", ...cookie(cookieHeaderOf(cannedCookies)) },
    {
      name: "wildcard cookies, ECDSA",
      ...cookie(signTestCookieHeader(ecdsa, wildcardPolicy(WILDCARD, LATER)), WILDCARD),
    },
    {
      name: "wildcard cookies, RSA, SHA-1",
      ...cookie(signTestCookieHeader(rsa, wildcardPolicy(WILDCARD, LATER), "SHA1"), WILDCARD),
    },
  ];
}

beforeAll(async () => {
  process.on("uncaughtException", recordUncaught);
  process.on("unhandledRejection", recordUncaught);
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(64), {
    contentType: "application/pdf",
  });
  ecdsa = generateTestKey("KEDGEFUZZEC001", "ECDSA_P256");
  rsa = generateTestKey("KEDGEFUZZRSA01", "RSA");
  const keys = trustedKeysOf(
    keyRingOf([
      { key: ecdsa, status: "active" },
      { key: rsa, status: "retired" },
    ]),
  );
  edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
  });
  bases = signedBases();
});

afterAll(async () => {
  process.off("uncaughtException", recordUncaught);
  process.off("unhandledRejection", recordUncaught);
  await edge.close();
  await s3.close();
});

/** The status of a response, and whether it came from the origin (the request was accepted). */
interface Outcome {
  status: number;
  accepted: boolean;
}

const PATH_SAFE = /^[\u0021-\u00ff]*$/;
const HEADER_SAFE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/** Tells whether Node's HTTP client can send the case; it rejects other characters. */
function clientCanSend(fuzzCase: FuzzCase): boolean {
  const values = [...Object.values(fuzzCase.headers), fuzzCase.cookie ?? ""];
  return PATH_SAFE.test(fuzzCase.target) && values.every((value) => HEADER_SAFE.test(value));
}

function rawOutcome(response: string): Outcome {
  const head = response.slice(0, Math.max(0, response.indexOf("\r\n\r\n")));
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(head);
  const accepted =
    /\r\nServer: AmazonS3\r\n/i.test(head) || /\r\nX-Cache: Miss from cloudfront\r\n/i.test(head);
  return { status: match ? Number(match[1]) : 0, accepted };
}

/**
 * Sends a case and returns its outcome and the request as the edge saw it. Node's HTTP client
 * sends what it accepts unchanged; any other case goes out as raw bytes.
 */
async function deliver(fuzzCase: FuzzCase, agent: Agent): Promise<Outcome & { seen: FuzzRequest }> {
  if (clientCanSend(fuzzCase)) {
    const headers = {
      ...fuzzCase.headers,
      ...(fuzzCase.cookie === undefined ? {} : { cookie: fuzzCase.cookie }),
    };
    const attempt = () =>
      send(edge.port, fuzzCase.target, { method: fuzzCase.method, headers, agent });
    // A pooled connection that the edge closed after an error can fail once; retry on a new one.
    const response = await attempt().catch(() =>
      send(edge.port, fuzzCase.target, { method: fuzzCase.method, headers }),
    );
    const accepted =
      response.headers.server === "AmazonS3" ||
      response.headers["x-cache"] === "Miss from cloudfront";
    return { status: response.status, accepted, seen: fuzzCase };
  }
  const lines = [`${fuzzCase.method} ${fuzzCase.target} HTTP/1.1`, "Host: edge.test"];
  if (fuzzCase.cookie !== undefined) lines.push(`Cookie: ${fuzzCase.cookie}`);
  for (const [name, value] of Object.entries(fuzzCase.headers)) lines.push(`${name}: ${value}`);
  lines.push("Connection: close", "", "");
  const response = await sendRaw(edge.port, Buffer.from(lines.join("\r\n"), "utf8"));
  return { ...rawOutcome(response), seen: framedAsSent(fuzzCase) };
}

/**
 * Returns what HTTP/1.1 framing makes of a case sent as raw UTF-8: the request-target ends at
 * the first space or line break, and a header value at the first line break, without the
 * whitespace around it. Node's parser reads those bytes as Latin-1 characters.
 */
function framedAsSent(fuzzCase: FuzzCase): FuzzRequest {
  const latin1 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
  const target = latin1(fuzzCase.target).split(/[ \r\n]/)[0] ?? "";
  const cookie =
    fuzzCase.cookie === undefined
      ? undefined
      : (latin1(fuzzCase.cookie).split(/[\r\n]/)[0] ?? "").replace(/^[ \t]+|[ \t]+$/g, "");
  return { target, cookie };
}

async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe(`edge fuzz (${CASES} cases, seed ${SEED})`, () => {
  it("accepts every unmutated base", async () => {
    for (const base of bases) {
      const headers = base.request.cookie === undefined ? {} : { cookie: base.request.cookie };
      const response = await send(edge.port, base.request.target, { headers });
      expect(response.status, base.name).toBe(200);
      expect(mayAccept(base, base.request, TEST_PUBLIC_ORIGIN), base.name).toBe(true);
    }
  });

  it("never forges, errs or crashes", { timeout: 120_000 + CASES * 20 }, async () => {
    const random = seededRandom(SEED);
    const cases = Array.from({ length: CASES }, () => {
      const base = bases[Math.floor(random() * bases.length)] ?? bases[0];
      if (base === undefined) throw new Error("no base cases");
      return { base, fuzzCase: mutate(random, base.request) };
    });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const serverErrors: string[] = [];
    const forgeries: string[] = [];
    let accepted = 0;

    await inPool(cases, async ({ base, fuzzCase }) => {
      const outcome = await deliver(fuzzCase, agent);
      const label = `${base.name} [${fuzzCase.applied.join(", ")}] ${JSON.stringify(outcome.seen).slice(0, 600)}`;
      if (outcome.status < 200 || outcome.status >= 500)
        serverErrors.push(`${outcome.status} ${label}`);
      if (outcome.accepted) {
        accepted += 1;
        if (!mayAccept(base, outcome.seen, TEST_PUBLIC_ORIGIN)) forgeries.push(label);
      }
    });
    agent.destroy();

    expect(serverErrors.slice(0, 5)).toEqual([]);
    expect(forgeries.slice(0, 5)).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    expect(uncaught).toEqual([]);
    const errors = edge.records().filter((record) => record.level >= 50);
    expect(errors.slice(0, 3)).toEqual([]);
  });

  it("survives broken framing on raw sockets", { timeout: 120_000 + RAW_CASES * 20 }, async () => {
    const random = seededRandom(SEED ^ 0x5a5a5a5a);
    const requests = Array.from({ length: RAW_CASES }, () => {
      const base = bases[Math.floor(random() * bases.length)] ?? bases[0];
      if (base === undefined) throw new Error("no base cases");
      return rawRequestOf(random, base.request.target, base.request.cookie);
    });
    const failures: string[] = [];
    await inPool(requests, async (request) => {
      const { status } = rawOutcome(await sendRaw(edge.port, Buffer.from(request, "utf8")));
      if (status >= 500 || status === 0)
        failures.push(`${status} ${JSON.stringify(request).slice(0, 300)}`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect(uncaught).toEqual([]);

    const check = await send(edge.port, bases[0]?.request.target ?? "/");
    expect(check.status).toBe(200);
  });
});
