import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";

import { logReasonOf } from "./access-log";
import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send } from "./testing/http";
import {
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

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);

let s3: TestS3;
let edge: TestEdge;
let key: TestKey;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(64));
  key = generateTestKey("KEDGELOGKEY001", "ECDSA_P256");
  const keys = trustedKeysOf(keyRingOf([{ key, status: "active" }]));
  edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
  });
});

afterAll(async () => {
  await edge.close();
  await s3.close();
});

function logEntryOf(requestId: string) {
  return edge.waitFor((record) => record.msg === "request" && record.requestId === requestId);
}

/** Returns the value of a query parameter exactly as it appears in `target`. */
function rawParam(target: string, name: string): string {
  const match = new RegExp(`[?&]${name}=([^&]*)`).exec(target);
  if (!match?.[1]) throw new Error(`${name} missing from ${target}`);
  return match[1];
}

describe("edge access log", () => {
  it("logs one line with the request fields", async () => {
    const target = targetOf(signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`, LATER));
    const response = await send(edge.port, target);
    const entry = await logEntryOf(String(response.headers["x-amz-cf-id"]));
    expect(entry).toMatchObject({
      method: "GET",
      path: "/documents/report.pdf",
      status: 200,
      bytes: 64,
      mode: "url",
      keyPairId: key.keyPairId,
      errorCode: null,
      reason: null,
    });
    expect(typeof entry.durationMs).toBe("number");
  });

  it("keeps secrets and the query out", async () => {
    const secretQuery = "response-content-disposition=inline%3B%20filename%3D%22hiv-test.pdf%22";
    const resource = `${TEST_PUBLIC_ORIGIN}/documents/report.pdf?${secretQuery}`;
    const canned = targetOf(signTestUrl(key, resource, LATER));
    const custom = targetOf(signTestPolicyUrl(key, resource, wildcardPolicy(resource, LATER)));
    const tampered = custom.replace("report.pdf", "other.pdf");
    const cookie = signTestCookieHeader(
      key,
      wildcardPolicy(`${TEST_PUBLIC_ORIGIN}/documents/*`, LATER),
    );
    const secrets = [
      rawParam(canned, "Signature"),
      rawParam(custom, "Signature"),
      rawParam(custom, "Policy"),
      Buffer.from(
        rawParam(custom, "Policy").replace(/-/g, "+").replace(/_/g, "=").replace(/~/g, "/"),
        "base64",
      ).toString(),
      ...cookie.split("; ").map((pair) => pair.slice(pair.indexOf("=") + 1)),
      "hiv-test",
      secretQuery,
    ];

    const statuses = [];
    for (const target of [canned, custom, tampered])
      statuses.push((await send(edge.port, target)).status);
    statuses.push((await send(edge.port, "/documents/report.pdf", { headers: { cookie } })).status);
    expect(statuses).toEqual([200, 200, 403, 200]);

    await edge.close();
    const text = edge.lines.join("");
    for (const secret of secrets.filter((value) => value !== key.keyPairId)) {
      expect(text, secret).not.toContain(secret);
    }
    const denied = edge.accessLog().find((record) => record.status === 403);
    expect(denied?.errorCode).toBe("AccessDenied");
    expect(String(denied?.reason)).toContain('"[resource]"');
  });
});

describe("logReasonOf", () => {
  it("replaces quoted resources and policies", () => {
    const reason =
      'signature does not verify over the custom policy "{\\"Statement\\":[]}"; request "http://edge.test/a?b=c" key "K1"';
    expect(logReasonOf(reason)).toBe(
      'signature does not verify over the custom policy "[policy statement]"; request "[resource]" key "K1"',
    );
  });
});
