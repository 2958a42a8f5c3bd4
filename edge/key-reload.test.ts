import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { writeKeyRing } from "@/lib/cloudfront/key-ring";

import { fixedKeyLoader, loadKeyRing } from "./key-loaders";
import { FALLBACK_CHECK_MS, watchKeyFile, type KeySource } from "./key-source";
import { capturingLogger, TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send } from "./testing/http";
import { generateTestKey, keyRingOf, signTestUrl, targetOf, type TestKey } from "./testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "./testing/s3";

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);
const OBJECT_URL = `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`;

let s3: TestS3;
let folder: string;
let oldKey: TestKey;
let newKey: TestKey;
let source: KeySource | undefined;
let edge: TestEdge | undefined;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(64));
  oldKey = generateTestKey("KEDGEOLDKEY001", "ECDSA_P256");
  newKey = generateTestKey("KEDGENEWKEY001", "RSA");
});

afterEach(async () => {
  source?.close();
  source = undefined;
  await edge?.close();
  edge = undefined;
  await rm(folder, { recursive: true, force: true });
});

afterAll(async () => {
  await s3.close();
});

/** Resolves after the next load attempt of the key source, with its outcome. */
function loadOutcomes() {
  const waiting: Array<(ok: boolean) => void> = [];
  return {
    onLoad: ({ ok }: { ok: boolean }) => waiting.shift()?.(ok),
    next: () => new Promise<boolean>((resolve) => waiting.push(resolve)),
  };
}

async function codeOf(port: number, key: TestKey): Promise<string> {
  const response = await send(port, targetOf(signTestUrl(key, OBJECT_URL, LATER)));
  if (response.status === 200) return "OK";
  return /<Code>(\w+)<\/Code>/.exec(response.body.toString())?.[1] ?? String(response.status);
}

describe("key ring reload", () => {
  it("revokes a key without a restart", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "berkas-edge-keys-"));
    const file = path.join(folder, "key-ring.json");
    await writeKeyRing(file, keyRingOf([{ key: oldKey, status: "active" }]));
    const log = capturingLogger();
    const outcomes = loadOutcomes();
    source = watchKeyFile({ file, load: loadKeyRing, logger: log.logger, onLoad: outcomes.onLoad });
    const keys = source;
    edge = await startTestEdge({
      s3: s3.client,
      bucket: s3.bucket,
      trustedKeys: () => keys.current(),
      now: NOW,
      logger: log,
    });
    expect(await codeOf(edge.port, oldKey)).toBe("OK");
    expect(await codeOf(edge.port, newKey)).toBe("InvalidKey");

    const reloaded = outcomes.next();
    await writeKeyRing(
      file,
      keyRingOf([
        { key: oldKey, status: "revoked" },
        { key: newKey, status: "active" },
      ]),
    );
    expect(await reloaded).toBe(true);
    expect(await codeOf(edge.port, oldKey)).toBe("InvalidKey");
    expect(await codeOf(edge.port, newKey)).toBe("OK");

    const failed = outcomes.next();
    await writeFile(file, "{ not json");
    expect(await failed).toBe(false);
    expect(await codeOf(edge.port, newKey)).toBe("OK");
    const error = log.records().find((record) => record.level === 50);
    expect(error?.msg).toBe("trusted keys not loaded; keeping the last good keys");
    expect(error?.error).toBe(`key ring ${file} is not valid JSON`);
  });

  it("checks the mtime without a folder watch", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "berkas-edge-keys-"));
    const file = path.join(folder, "key-ring.json");
    await writeKeyRing(file, keyRingOf([{ key: oldKey, status: "active" }]));
    let clock = 0;
    source = watchKeyFile({
      file,
      load: loadKeyRing,
      logger: capturingLogger().logger,
      watch: false,
      clock: () => clock,
    });
    expect(source.current().find(oldKey.keyPairId)?.keyPairId).toBe(oldKey.keyPairId);

    await writeKeyRing(file, keyRingOf([{ key: oldKey, status: "revoked" }]));
    clock = FALLBACK_CHECK_MS - 1;
    expect(source.current().find(oldKey.keyPairId)?.keyPairId).toBe(oldKey.keyPairId);
    clock = FALLBACK_CHECK_MS;
    expect(source.current().find(oldKey.keyPairId)).toBeUndefined();
  });

  it("trusts nothing before the first good load", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "berkas-edge-keys-"));
    const file = path.join(folder, "missing.json");
    const log = capturingLogger();
    source = watchKeyFile({ file, load: loadKeyRing, logger: log.logger, watch: false });
    expect(source.current().find(oldKey.keyPairId)).toBeUndefined();
    const error = log.records().find((record) => record.level === 50);
    expect(error?.msg).toBe("trusted keys not loaded; no key is trusted yet");
  });

  it("loads one fixed public key file", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "berkas-edge-keys-"));
    const file = path.join(folder, "public.pem");
    await writeFile(file, newKey.publicKeyPem);
    const loaded = fixedKeyLoader(newKey.keyPairId)(file);
    expect(loaded.keys.find(newKey.keyPairId)?.algorithm).toBe("RSA");
    expect(loaded.keys.find(oldKey.keyPairId)).toBeUndefined();
    expect(loaded.keys.describeUntrusted?.(oldKey.keyPairId)).toBe(
      `not the configured CLOUDFRONT_KEY_PAIR_ID ${newKey.keyPairId}`,
    );
  });
});
