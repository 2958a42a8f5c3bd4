import { generateKeyPairSync, type KeyObject } from "node:crypto";

import {
  getSignedCookies,
  getSignedUrl,
  type CloudfrontSignedCookiesOutput,
} from "@aws-sdk/cloudfront-signer";

import type { KeyRing, KeyStatus } from "@/lib/cloudfront/key-ring";
import type { HashAlgorithm, KeyAlgorithm } from "@/lib/cloudfront/types";

/** A throwaway key pair generated at run time. */
export interface TestKey {
  keyPairId: string;
  algorithm: KeyAlgorithm;
  privateKey: KeyObject;
  privateKeyPem: string;
  publicKey: KeyObject;
  publicKeyPem: string;
}

export function generateTestKey(keyPairId: string, algorithm: KeyAlgorithm): TestKey {
  const { privateKey, publicKey } =
    algorithm === "RSA"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    keyPairId,
    algorithm,
    privateKey,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** Builds a one-group key ring with the given keys and statuses. */
export function keyRingOf(entries: ReadonlyArray<{ key: TestKey; status: KeyStatus }>): KeyRing {
  return {
    version: 1,
    groups: [
      {
        name: "edge-test",
        keys: entries.map(({ key, status }) => ({
          keyPairId: key.keyPairId,
          algorithm: key.algorithm,
          publicKeyPem: key.publicKeyPem,
          status,
          createdAt: "2026-12-01T00:00:00Z",
        })),
      },
    ],
  };
}

/** Signs a canned-policy URL with the AWS SDK's CloudFront signer, an independent signer. */
export function signTestUrl(
  key: TestKey,
  url: string,
  dateLessThan: Date,
  algorithm: HashAlgorithm = "SHA256",
): string {
  return getSignedUrl({
    url,
    keyPairId: key.keyPairId,
    privateKey: key.privateKeyPem,
    dateLessThan,
    algorithm,
  });
}

/** Signs a custom policy (for example a wildcard Resource) as a signed URL. */
export function signTestPolicyUrl(key: TestKey, url: string, policy: string): string {
  return getSignedUrl({ url, keyPairId: key.keyPairId, privateKey: key.privateKeyPem, policy });
}

/** Returns a custom policy statement with a Resource pattern and an expiry. */
export function wildcardPolicy(resource: string, dateLessThan: Date): string {
  const epoch = Math.floor(dateLessThan.getTime() / 1000);
  return JSON.stringify({
    Statement: [{ Resource: resource, Condition: { DateLessThan: { "AWS:EpochTime": epoch } } }],
  });
}

/** Signs CloudFront-* cookies for a custom policy and returns them as a Cookie header. */
export function signTestCookieHeader(
  key: TestKey,
  policy: string,
  algorithm: HashAlgorithm = "SHA256",
): string {
  const cookies = getSignedCookies({
    keyPairId: key.keyPairId,
    privateKey: key.privateKeyPem,
    policy,
    algorithm,
  });
  return cookieHeaderOf(cookies);
}

/** Joins signed cookies into one Cookie header, as a browser sends them. */
export function cookieHeaderOf(cookies: CloudfrontSignedCookiesOutput): string {
  return Object.entries(cookies)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join("; ");
}

/** Returns the path and query of a signed URL, the request-target a browser would send. */
export function targetOf(url: string): string {
  const afterScheme = url.indexOf("://") + 3;
  return url.slice(url.indexOf("/", afterScheme));
}
