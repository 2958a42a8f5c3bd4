/**
 * Signing throughput of lib/signing against raw `crypto.sign` and @aws-sdk/cloudfront-signer,
 * measured in one process with the same parsed key, and the verifier's throughput. Each round runs every variant in turn, so
 * a slow patch of the machine hurts all of them alike, and the median round is reported.
 */
import { createPublicKey, sign as signBytes, type KeyObject } from "node:crypto";

import { getSignedUrl } from "@aws-sdk/cloudfront-signer";

import { cannedPolicy } from "@/lib/cloudfront/policy";
import type { HashAlgorithm, ViewerRequest } from "@/lib/cloudfront/types";
import { parsePrivateKey } from "@/lib/signing/private-key";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { signCookies, signUrl, type SigningKey } from "@/lib/signing/sign";

export interface SigningBenchmarkOptions {
  /** PEM private key (RSA or ECDSA P-256) to sign with. */
  privateKeyPem: string;
  passphrase?: string;
  /** Defaults to SHA256 for ECDSA and SHA1 for RSA, as the signer does. */
  hashAlgorithm?: HashAlgorithm;
  /** Timed rounds per variant; the median is reported. */
  rounds?: number;
  /** Signatures per round and variant. */
  signaturesPerRound?: number;
}

export interface SigningBenchmarkResult {
  algorithm: "RSA" | "ECDSA_P256";
  /** RSA modulus length, or 256 for P-256. */
  keyBits: number;
  hashAlgorithm: HashAlgorithm;
  rounds: number;
  signaturesPerRound: number;
  /** Median signatures per second of each variant. */
  opsPerSecond: { libSigning: number; rawCryptoSign: number; sdkKeyObject: number; sdkPem: number };
  /** libSigning throughput divided by rawCryptoSign throughput; 0.9 is 10% slower. */
  libSigningVsRaw: number;
}

const URL = "https://d111111abcdef8.cloudfront.net/documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function opsPerSecond(count: number, run: (i: number) => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) run(i);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return Math.round((count * 1e9) / elapsedNs);
}

/**
 * Measures signed-URL throughput for one key. Every variant signs a canned policy that
 * expires at a different second, so no variant can reuse earlier work.
 */
export function benchmarkSigning(options: SigningBenchmarkOptions): SigningBenchmarkResult {
  const { privateKey, algorithm } = parsePrivateKey({
    pem: options.privateKeyPem,
    passphrase: options.passphrase,
    label: "benchmark private key",
  });
  const hashAlgorithm = options.hashAlgorithm ?? (algorithm === "RSA" ? "SHA1" : "SHA256");
  const key: SigningKey = { keyPairId: "K2BENCHMARK001", algorithm, privateKey, hashAlgorithm };
  const digest = hashAlgorithm === "SHA256" ? "sha256" : "sha1";
  const rounds = options.rounds ?? 7;
  const count = options.signaturesPerRound ?? (algorithm === "RSA" ? 300 : 3000);
  const base = 1_800_000_000;
  const sdkInput = (pem: string | KeyObject, i: number) => ({
    url: URL,
    keyPairId: key.keyPairId,
    // The SDK's types declare string | Buffer; it hands the key to crypto.createSign, which takes
    // a KeyObject too.
    privateKey: pem as string,
    passphrase: options.passphrase,
    algorithm: hashAlgorithm,
    dateLessThan: new Date((base + i) * 1000),
  });

  const variants = {
    libSigning: (i: number) =>
      signUrl({ key, url: URL, dateLessThan: new Date((base + i) * 1000) }),
    rawCryptoSign: (i: number) =>
      signBytes(digest, Buffer.from(cannedPolicy(URL, base + i)), privateKey).toString("base64"),
    sdkKeyObject: (i: number) => getSignedUrl(sdkInput(privateKey, i)),
    sdkPem: (i: number) => getSignedUrl(sdkInput(options.privateKeyPem, i)),
  };
  const samples: Record<keyof typeof variants, number[]> = {
    libSigning: [],
    rawCryptoSign: [],
    sdkKeyObject: [],
    sdkPem: [],
  };
  for (const run of Object.values(variants)) run(0);
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants) as [
      keyof typeof variants,
      (i: number) => unknown,
    ][]) {
      // The SDK parses a PEM key on every call, so it gets fewer signatures per round.
      const n = name === "sdkPem" ? Math.max(10, Math.floor(count / 4)) : count;
      samples[name].push(opsPerSecond(n, run));
    }
  }
  const result = {
    libSigning: median(samples.libSigning),
    rawCryptoSign: median(samples.rawCryptoSign),
    sdkKeyObject: median(samples.sdkKeyObject),
    sdkPem: median(samples.sdkPem),
  };
  const details = privateKey.asymmetricKeyDetails;
  return {
    algorithm,
    keyBits: algorithm === "RSA" ? (details?.modulusLength ?? 0) : 256,
    hashAlgorithm,
    rounds,
    signaturesPerRound: count,
    opsPerSecond: result,
    libSigningVsRaw: Math.round((result.libSigning / result.rawCryptoSign) * 1000) / 1000,
  };
}

export interface VerificationBenchmarkResult {
  algorithm: "RSA" | "ECDSA_P256";
  hashAlgorithm: HashAlgorithm;
  rounds: number;
  requestsPerRound: number;
  /** Median verified requests per second for a canned-policy URL and custom-policy cookies. */
  opsPerSecond: { cannedUrl: number; customCookies: number };
}

/**
 * Measures `verifyViewerRequest` on allowed requests (the edge's hot path) for one key: a
 * canned-policy signed URL and wildcard custom-policy signed cookies. `signaturesPerRound`
 * sets the number of requests per round here.
 */
export function benchmarkVerification(
  options: SigningBenchmarkOptions,
): VerificationBenchmarkResult {
  const { privateKey, algorithm } = parsePrivateKey({
    pem: options.privateKeyPem,
    label: "benchmark private key",
  });
  const hashAlgorithm = options.hashAlgorithm ?? (algorithm === "RSA" ? "SHA1" : "SHA256");
  const key: SigningKey = { keyPairId: "K2BENCHMARK001", algorithm, privateKey, hashAlgorithm };
  const publicKey = createPublicKey(privateKey);
  const keys = {
    find: (id: string) =>
      id === key.keyPairId ? { keyPairId: id, algorithm, publicKey } : undefined,
  };
  const origin = "https://d111111abcdef8.cloudfront.net";
  const now = new Date(1_800_000_000_000);
  const dateLessThan = new Date(now.getTime() + 300_000);
  const url = signUrl({ key, url: URL, dateLessThan }).url;
  const cookies = signCookies({ key, resource: `${origin}/documents/*`, dateLessThan }).cookies;
  const urlRequest: ViewerRequest = {
    origin,
    rawTarget: url.slice(origin.length),
    cookieHeader: undefined,
    clientIp: "192.0.2.1",
  };
  const cookieRequest: ViewerRequest = {
    origin,
    rawTarget: URL.slice(origin.length),
    cookieHeader: cookies.map(({ name, value }) => `${name}=${value}`).join("; "),
    clientIp: "192.0.2.1",
  };
  const rounds = options.rounds ?? 7;
  const count = options.signaturesPerRound ?? (algorithm === "RSA" ? 5000 : 2000);
  const check = (request: ViewerRequest) => () => {
    if (!verifyViewerRequest(request, keys, now).allowed)
      throw new Error("benchmark request was denied");
  };
  const samples = { cannedUrl: [] as number[], customCookies: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    samples.cannedUrl.push(opsPerSecond(count, check(urlRequest)));
    samples.customCookies.push(opsPerSecond(count, check(cookieRequest)));
  }
  return {
    algorithm,
    hashAlgorithm,
    rounds,
    requestsPerRound: count,
    opsPerSecond: {
      cannedUrl: median(samples.cannedUrl),
      customCookies: median(samples.customCookies),
    },
  };
}
