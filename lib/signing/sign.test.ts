import { generateKeyPairSync, verify as verifyBytes } from "node:crypto";

import { getSignedCookies, getSignedUrl } from "@aws-sdk/cloudfront-signer";
import { describe, expect, it } from "vitest";

import { fromCloudFrontBase64 } from "@/lib/cloudfront/encoding";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";

import { signCookies, signUrl, type SigningKey } from "./sign";
import { encodeObjectKey } from "./url";

const ORIGIN = "https://d111111abcdef8.cloudfront.net";
const EXPIRES = new Date("2026-12-05T10:05:00Z");
const START = new Date("2026-12-05T09:55:00Z");
const NOW = new Date("2026-12-05T10:00:00Z");

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsaKey = (hashAlgorithm: "SHA1" | "SHA256"): SigningKey => ({
  keyPairId: "K2RSATESTKEY01",
  algorithm: "RSA",
  privateKey: rsa.privateKey,
  hashAlgorithm,
});
const EC_KEY: SigningKey = {
  keyPairId: "K2ECTESTKEY001",
  algorithm: "ECDSA_P256",
  privateKey: ec.privateKey,
  hashAlgorithm: "SHA256",
};
const KEYS: TrustedKeyLookup = {
  find: (id) =>
    id === EC_KEY.keyPairId
      ? { keyPairId: id, algorithm: "ECDSA_P256", publicKey: ec.publicKey }
      : { keyPairId: id, algorithm: "RSA", publicKey: rsa.publicKey },
};

// The SDK's types declare string | Buffer, but it passes the key to crypto.createSign, which also
// takes a KeyObject.
const sdkKey = (key: SigningKey) => key.privateKey as unknown as string;

function verifyUrl(url: string, clientIp = "127.0.0.1") {
  return verifyViewerRequest(
    { origin: ORIGIN, rawTarget: url.slice(ORIGIN.length), cookieHeader: undefined, clientIp },
    KEYS,
    NOW,
  );
}

const URLS = [
  `${ORIGIN}/documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10`,
  `${ORIGIN}/documents/My%20File%2B1.pdf`,
  `${ORIGIN}/documents/r%C3%A9sum%C3%A9.pdf?response-content-disposition=inline%3B+filename%3Da.pdf`,
];

describe("signUrl", () => {
  it("matches the SDK byte for byte for RSA", () => {
    for (const hash of ["SHA1", "SHA256"] as const) {
      const key = rsaKey(hash);
      for (const url of URLS) {
        const common = { url, keyPairId: key.keyPairId, privateKey: sdkKey(key), algorithm: hash };
        expect(signUrl({ key, url, dateLessThan: EXPIRES }).url, url).toBe(
          getSignedUrl({ ...common, dateLessThan: EXPIRES }),
        );
        const custom = signUrl({
          key,
          url,
          dateLessThan: EXPIRES,
          dateGreaterThan: START,
          sourceIp: "192.0.2.1",
        });
        expect(custom.url, url).toBe(
          getSignedUrl({
            ...common,
            dateLessThan: EXPIRES,
            dateGreaterThan: START,
            ipAddress: "192.0.2.1",
          }),
        );
      }
    }
  });

  it("verifies with the SDK's ECDSA output and the other way round", () => {
    for (const url of URLS) {
      const ours = signUrl({ key: EC_KEY, url, dateLessThan: EXPIRES });
      const sdk = getSignedUrl({
        url,
        keyPairId: EC_KEY.keyPairId,
        privateKey: sdkKey(EC_KEY),
        algorithm: "SHA256",
        dateLessThan: EXPIRES,
      });
      const withoutSignature = (signed: string) => signed.replace(/Signature=[^&]*/, "Signature=");
      expect(withoutSignature(ours.url)).toBe(withoutSignature(sdk));
      expect(verifyUrl(sdk).allowed, sdk).toBe(true);
      expect(verifyUrl(ours.url).allowed, ours.url).toBe(true);
      const signature = fromCloudFrontBase64(/Signature=([^&]*)/.exec(ours.url)?.[1] ?? "");
      const expires = Math.floor(EXPIRES.getTime() / 1000);
      const policy = `{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
      expect(
        verifyBytes("sha256", Buffer.from(policy), ec.publicKey, signature ?? Buffer.alloc(0)),
      ).toBe(true);
    }
  });

  it("never sends Expires and Policy together", () => {
    const cannedUrl = signUrl({ key: EC_KEY, url: URLS[0] ?? "", dateLessThan: EXPIRES }).url;
    expect(cannedUrl).toContain("?Expires=");
    expect(cannedUrl).not.toContain("Policy=");
    const custom = signUrl({
      key: EC_KEY,
      url: URLS[0] ?? "",
      dateLessThan: EXPIRES,
      resource: `${ORIGIN}/documents/*`,
    });
    expect(custom.url).toContain("?Policy=");
    expect(custom.url).not.toContain("Expires=");
  });

  it("sends Hash-Algorithm only for SHA256", () => {
    expect(
      signUrl({ key: rsaKey("SHA1"), url: URLS[0] ?? "", dateLessThan: EXPIRES }).url,
    ).not.toContain("Hash-Algorithm");
    expect(
      signUrl({ key: rsaKey("SHA256"), url: URLS[0] ?? "", dateLessThan: EXPIRES }).url,
    ).toMatch(/&Hash-Algorithm=SHA256$/);
  });

  it("rounds expiry down to a second", () => {
    const signed = signUrl({
      key: EC_KEY,
      url: URLS[0] ?? "",
      dateLessThan: new Date("2026-12-05T10:05:00.999Z"),
    });
    expect(signed.expiresAt.toISOString()).toBe("2026-12-05T10:05:00.000Z");
    expect(signed.url).toContain(`Expires=${EXPIRES.getTime() / 1000}&`);
  });

  it("rejects URLs a browser would change", () => {
    const sign = (url: string) => () => signUrl({ key: EC_KEY, url, dateLessThan: EXPIRES });
    expect(sign(`${ORIGIN}/a b.pdf`)).toThrow(
      `URL "${ORIGIN}/a b.pdf" contains characters a browser would re-encode; percent-encode them first`,
    );
    expect(sign(`${ORIGIN}/a#b`)).toThrow('contains "#", which browsers never send');
    expect(sign(`${ORIGIN}/résumé.pdf`)).toThrow("contains characters a browser would re-encode");
    expect(sign(`${ORIGIN}/a%2`)).toThrow("contains characters a browser would re-encode");
    expect(sign("ftp://example.com/a")).toThrow("must start with http:// or https:// and a host");
    expect(sign(`${ORIGIN}/a?Signature=x`)).toThrow("already has a Signature query parameter");
  });

  it("rejects IPv6 and invalid source IPs", () => {
    const sign = (sourceIp: string) => () =>
      signUrl({ key: EC_KEY, url: URLS[0] ?? "", dateLessThan: EXPIRES, sourceIp });
    expect(sign("2001:db8::1")).toThrow(
      "sourceIp 2001:db8::1 is IPv6, but CloudFront's AWS:SourceIp accepts only IPv4 addresses and ranges",
    );
    expect(sign("300.1.1.1")).toThrow('sourceIp "300.1.1.1" is not an IPv4 address or CIDR');
  });

  it("rejects epoch numbers for dates", () => {
    const input = {
      key: EC_KEY,
      url: URLS[0] ?? "",
      dateLessThan: 1796464800,
    } as unknown as Parameters<typeof signUrl>[0];
    expect(() => signUrl(input)).toThrow("dateLessThan is required and must be a Date");
  });
});

describe("signCookies", () => {
  it("matches the SDK for canned and custom cookies", () => {
    const key = rsaKey("SHA256");
    const url = URLS[0] ?? "";
    const canned = signCookies({ key, resource: url, dateLessThan: EXPIRES });
    const sdkCanned = getSignedCookies({
      url,
      keyPairId: key.keyPairId,
      privateKey: sdkKey(key),
      algorithm: "SHA256",
      dateLessThan: EXPIRES,
    });
    expect(Object.fromEntries(canned.cookies.map((cookie) => [cookie.name, cookie.value]))).toEqual(
      {
        ...sdkCanned,
        "CloudFront-Expires": String(sdkCanned["CloudFront-Expires"]),
      },
    );

    const pattern = `${ORIGIN}/documents/*`;
    const custom = signCookies({ key, resource: pattern, dateLessThan: EXPIRES });
    const expires = EXPIRES.getTime() / 1000;
    const policy = `{"Statement":[{"Resource":"${pattern}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
    const sdkCustom = getSignedCookies({
      policy,
      keyPairId: key.keyPairId,
      privateKey: sdkKey(key),
      algorithm: "SHA256",
    });
    expect(custom.cookies.map((cookie) => cookie.name)).toEqual([
      "CloudFront-Policy",
      "CloudFront-Key-Pair-Id",
      "CloudFront-Signature",
      "CloudFront-Hash-Algorithm",
    ]);
    expect(Object.fromEntries(custom.cookies.map((cookie) => [cookie.name, cookie.value]))).toEqual(
      sdkCustom,
    );
  });
});

describe("encodeObjectKey", () => {
  it("encodes every reserved character", () => {
    expect(encodeObjectKey("documents/a b+c#d?e%f'g\"h(i)*!~ü/x")).toBe(
      "documents/a%20b%2Bc%23d%3Fe%25f%27g%22h%28i%29%2A%21~%C3%BC/x",
    );
  });
});
