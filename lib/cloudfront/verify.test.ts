import { generateKeyPairSync, sign } from "node:crypto";

import { describe, expect, it } from "vitest";

import { signCookies, signUrl, type SigningKey } from "@/lib/signing/sign";

import { toCloudFrontBase64 } from "./encoding";
import { errorBody } from "./errors";
import { cannedPolicy } from "./policy";
import type { TrustedKeyLookup, Verdict } from "./types";
import { verifyViewerRequest } from "./verify";

const ORIGIN = "http://localhost:3001";
const NOW = new Date("2026-12-05T10:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const inSeconds = (s: number) => new Date(NOW.getTime() + s * 1000);

const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const EC_KEY: SigningKey = {
  keyPairId: "K2ECTESTKEY0001",
  algorithm: "ECDSA_P256",
  privateKey: ec.privateKey,
  hashAlgorithm: "SHA256",
};
const RSA_KEY: SigningKey = {
  keyPairId: "K2RSATESTKEY01",
  algorithm: "RSA",
  privateKey: rsa.privateKey,
  hashAlgorithm: "SHA1",
};
const KEYS: TrustedKeyLookup = {
  find: (id) =>
    id === EC_KEY.keyPairId
      ? { keyPairId: id, algorithm: "ECDSA_P256", publicKey: ec.publicKey }
      : id === RSA_KEY.keyPairId
        ? { keyPairId: id, algorithm: "RSA", publicKey: rsa.publicKey }
        : undefined,
};

function verify(url: string, options: { cookie?: string; ip?: string; now?: Date } = {}): Verdict {
  if (!url.startsWith(ORIGIN)) throw new Error(`test URL ${url} is not on ${ORIGIN}`);
  return verifyViewerRequest(
    {
      origin: ORIGIN,
      rawTarget: url.slice(ORIGIN.length),
      cookieHeader: options.cookie,
      clientIp: options.ip ?? "127.0.0.1",
    },
    KEYS,
    options.now ?? NOW,
  );
}

function denial(verdict: Verdict): { code: string; reason: string } {
  if (verdict.allowed) throw new Error(`expected a denial, got: ${verdict.detail}`);
  return { code: verdict.code, reason: verdict.reason };
}

function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

const canned = (path: string, key = EC_KEY, expiresIn = 300) =>
  signUrl({ key, url: `${ORIGIN}${path}`, dateLessThan: inSeconds(expiresIn) }).url;

describe("verifyViewerRequest", () => {
  it("accepts canned URLs for awkward object keys", () => {
    const paths = [
      "/documents/a%20b.pdf",
      "/documents/a%2Bb.pdf",
      "/documents/a+b.pdf",
      "/documents/hash%23.pdf",
      "/documents/question%3F.pdf",
      "/documents/percent%25.pdf",
      "/documents/%22quoted%22%27.pdf",
      "/documents/r%C3%A9sum%C3%A9%20%E6%96%87%E4%BB%B6.pdf",
      "/documents/a/./b/../c.pdf",
      "/documents/x.pdf?response-content-disposition=inline%3B+filename%3D%22a.pdf%22",
    ];
    for (const path of paths) {
      for (const key of [EC_KEY, RSA_KEY]) {
        const verdict = verify(canned(path, key));
        expect(verdict.allowed ? verdict.originTarget : denial(verdict).reason, path).toBe(path);
      }
    }
  });

  it("reports the allowed request", () => {
    const verdict = verify(canned("/documents/a?x=1"));
    expect(verdict).toEqual({
      allowed: true,
      mode: "url",
      keyPairId: EC_KEY.keyPairId,
      originTarget: "/documents/a?x=1",
      originPath: "/documents/a",
      policy: "canned",
      hashAlgorithm: "SHA256",
      expiresAt: NOW_S + 300,
      detail: `canned policy signed by key ${EC_KEY.keyPairId} (ECDSA_P256, SHA256) in the query, valid for 300 s more`,
    });
  });

  it("rebuilds the canned policy byte for byte", () => {
    // User parameters after the signing ones stay in their original order.
    const policy = cannedPolicy(`${ORIGIN}/a.pdf?b=2&a=1`, NOW_S + 60);
    expect(policy).toBe(
      `{"Statement":[{"Resource":"${ORIGIN}/a.pdf?b=2&a=1","Condition":{"DateLessThan":{"AWS:EpochTime":${NOW_S + 60}}}}]}`,
    );
    const signature = toCloudFrontBase64(sign("sha1", Buffer.from(policy), rsa.privateKey));
    const url = `${ORIGIN}/a.pdf?b=2&Signature=${signature}&Expires=${NOW_S + 60}&a=1&Key-Pair-Id=${RSA_KEY.keyPairId}`;
    const verdict = verify(url);
    expect(verdict.allowed && verdict.originTarget).toBe("/a.pdf?b=2&a=1");
  });

  it("denies expired URLs with the time", () => {
    const url = canned("/documents/a", EC_KEY, 60);
    expect(denial(verify(url, { now: inSeconds(102) }))).toEqual({
      code: "AccessDenied",
      reason: `canned policy: expired 42 s ago (DateLessThan ${NOW_S + 60} is 2026-12-05T10:01:00Z)`,
    });
    expect(denial(verify(url, { now: inSeconds(60) })).code).toBe("AccessDenied");
  });

  it("denies tampered URLs", () => {
    const url = canned("/documents/a");
    expect(denial(verify(url.replace("/documents/a", "/documents/b"))).reason).toBe(
      `signature does not verify with key ${EC_KEY.keyPairId} (ECDSA_P256, SHA256) over the canned policy for resource "${ORIGIN}/documents/b" with Expires ${NOW_S + 300}; the link was changed after signing, or was signed for another resource, key or hash algorithm`,
    );
    const later = url.replace(`Expires=${NOW_S + 300}`, `Expires=${NOW_S + 3000}`);
    expect(denial(verify(later)).code).toBe("AccessDenied");
    expect(denial(verify(`${url.replace("?", "?x=1&")}`)).code).toBe("AccessDenied");
  });

  it("denies requests without a key", () => {
    expect(denial(verify(`${ORIGIN}/documents/a`))).toEqual({
      code: "MissingKey",
      reason: "the request has no signing query parameters and no signed cookies",
    });
    const withoutKey = canned("/documents/a").replace(/&Key-Pair-Id=[^&]*/, "");
    expect(denial(verify(withoutKey))).toEqual({
      code: "MissingKey",
      reason: "Key-Pair-Id is missing from the query",
    });
    const emptyKey = canned("/documents/a").replace(/Key-Pair-Id=[^&]*/, "Key-Pair-Id=");
    expect(denial(verify(emptyKey)).code).toBe("MissingKey");
  });

  it("denies unknown keys", () => {
    const url = canned("/documents/a").replace(EC_KEY.keyPairId, "K2UNKNOWNKEY00");
    expect(denial(verify(url))).toEqual({
      code: "InvalidKey",
      reason: 'key "K2UNKNOWNKEY00" is not in any trusted key group',
    });
  });

  it("denies a signature made with another key", () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const url = canned("/documents/a", { ...EC_KEY, privateKey: other });
    expect(denial(verify(url)).code).toBe("AccessDenied");
  });

  it("denies a flipped Hash-Algorithm", () => {
    const url = canned("/documents/a", EC_KEY).replace(
      "Hash-Algorithm=SHA256",
      "Hash-Algorithm=SHA1",
    );
    expect(denial(verify(url)).reason).toContain("(ECDSA_P256, SHA1)");
  });

  it("rejects unknown Hash-Algorithm values", () => {
    const url = canned("/documents/a").replace("Hash-Algorithm=SHA256", "Hash-Algorithm=MD5");
    expect(denial(verify(url))).toEqual({
      code: "MalformedPolicy",
      reason: 'Hash-Algorithm "MD5" is neither SHA1 nor SHA256',
    });
  });

  it("rejects malformed signatures", () => {
    const url = canned("/documents/a").replace(/Signature=[^&]*/, "Signature=abc*def");
    expect(denial(verify(url))).toEqual({
      code: "MalformedSignature",
      reason: "Signature is not valid CloudFront base64 in the query",
    });
    const missing = canned("/documents/a").replace(/&Signature=[^&]*/, "");
    expect(denial(verify(missing))).toEqual({
      code: "MalformedSignature",
      reason: "Signature is missing from the query",
    });
  });

  it("rejects malformed Expires values", () => {
    const base = canned("/documents/a");
    const cases: [string, string][] = [
      ["-5", 'Expires "-5" is not a whole number of epoch seconds'],
      ["1e9", 'Expires "1e9" is not a whole number of epoch seconds'],
      ["2147483648", "Expires 2147483648 is above 2147483647; milliseconds instead of seconds?"],
    ];
    for (const [value, reason] of cases) {
      const url = base.replace(/Expires=\d+/, `Expires=${value}`);
      expect(denial(verify(url)), value).toEqual({ code: "MalformedPolicy", reason });
    }
  });

  it("rejects duplicated signing parameters", () => {
    const url = canned("/documents/a");
    expect(denial(verify(`${url}&Expires=${NOW_S + 60}`))).toEqual({
      code: "MalformedPolicy",
      reason: "Expires appears more than once in the query",
    });
    const signed = signCookies({
      key: EC_KEY,
      resource: `${ORIGIN}/documents/*`,
      dateLessThan: inSeconds(60),
    });
    const header = `${cookieHeader(signed.cookies)}; CloudFront-Signature=AAAA`;
    expect(denial(verify(`${ORIGIN}/documents/a`, { cookie: header }))).toEqual({
      code: "MalformedPolicy",
      reason: "CloudFront-Signature appears more than once in the signed cookies",
    });
  });

  it("rejects malformed custom policies", () => {
    const policies: [string, string][] = [
      ["not json", "policy is not valid JSON"],
      ['{"Statement":[]}', "policy must have exactly one statement in a Statement array"],
      [
        `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{"DateLessThan":{"AWS:EpochTime":"1796464800"}}}]}`,
        'DateLessThan.AWS:EpochTime must be a whole number of epoch seconds, not "1796464800"',
      ],
      [
        `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{"DateLessThan":{"AWS:EpochTime":1796464800000}}}]}`,
        "DateLessThan.AWS:EpochTime 1796464800000 is above 2147483647; milliseconds instead of seconds?",
      ],
      [
        `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{}}]}`,
        "Condition.DateLessThan is missing",
      ],
      [
        `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{"DateLessThan":{"AWS:EpochTime":1796464800},"IpAddress":{"AWS:SourceIp":"2001:db8::/32"}}}]}`,
        'AWS:SourceIp "2001:db8::/32" is not an IPv4 CIDR such as 192.0.2.0/24',
      ],
      [
        `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{"DateLessThen":{"AWS:EpochTime":1796464800}}}]}`,
        'unknown condition "DateLessThen"',
      ],
    ];
    for (const [json, reason] of policies) {
      const signature = toCloudFrontBase64(sign("sha256", Buffer.from(json), ec.privateKey));
      const policy = toCloudFrontBase64(Buffer.from(json));
      const url = `${ORIGIN}/a?Policy=${policy}&Signature=${signature}&Key-Pair-Id=${EC_KEY.keyPairId}&Hash-Algorithm=SHA256`;
      const result = denial(verify(url));
      expect(result.code, json).toBe("MalformedPolicy");
      expect(result.reason, json).toContain(reason);
    }
    const undecodable = `${ORIGIN}/a?Policy=%%%&Signature=AAAA&Key-Pair-Id=${EC_KEY.keyPairId}`;
    expect(denial(verify(undecodable))).toEqual({
      code: "MalformedPolicy",
      reason: "Policy is not valid CloudFront base64",
    });
  });

  it("denies a resource outside the policy", () => {
    const signed = signUrl({
      key: EC_KEY,
      url: `${ORIGIN}/documents/a%20b.pdf`,
      resource: `${ORIGIN}/documents/a b.pdf`,
      dateLessThan: inSeconds(60),
    });
    const reason = denial(verify(signed.url)).reason;
    expect(reason).toContain(
      "custom policy: resource differs at byte 34: `%20` in the request, ` ` in the policy",
    );
  });

  it("matches wildcard resources", () => {
    const signed = signUrl({
      key: EC_KEY,
      url: `${ORIGIN}/documents/42/page-1.png`,
      resource: `${ORIGIN}/documents/42/*`,
      dateLessThan: inSeconds(60),
    });
    expect(verify(signed.url).allowed).toBe(true);
    const moved = signed.url.replace("/documents/42/", "/documents/43/");
    expect(denial(verify(moved)).reason).toContain(
      "resource differs at byte 34: `3` in the request, `2` in the policy",
    );
  });

  it("denies before DateGreaterThan", () => {
    const signed = signUrl({
      key: RSA_KEY,
      url: `${ORIGIN}/documents/a`,
      dateGreaterThan: inSeconds(120),
      dateLessThan: inSeconds(600),
    });
    expect(denial(verify(signed.url)).reason).toBe(
      `custom policy: not valid for 120 s yet (DateGreaterThan ${NOW_S + 120} is 2026-12-05T10:02:00Z)`,
    );
    expect(verify(signed.url, { now: inSeconds(121) }).allowed).toBe(true);
  });

  it("denies clients outside the IP range", () => {
    const signed = signUrl({
      key: EC_KEY,
      url: `${ORIGIN}/documents/a`,
      sourceIp: "192.0.2.77/24",
      dateLessThan: inSeconds(60),
    });
    expect(verify(signed.url, { ip: "192.0.2.9" }).allowed).toBe(true);
    expect(verify(signed.url, { ip: "::ffff:192.0.2.9" }).allowed).toBe(true);
    expect(denial(verify(signed.url, { ip: "10.0.0.9" })).reason).toBe(
      "custom policy: client 10.0.0.9 is outside 192.0.2.77/24",
    );
    expect(denial(verify(signed.url, { ip: "2001:db8::1" })).reason).toBe(
      "custom policy: client 2001:db8::1 is an IPv6 address, but AWS:SourceIp 192.0.2.77/24 matches only IPv4 clients",
    );
  });

  it("verifies signed cookies", () => {
    const signed = signCookies({
      key: RSA_KEY,
      resource: `${ORIGIN}/documents/7*`,
      dateLessThan: inSeconds(60),
    });
    const verdict = verify(`${ORIGIN}/documents/7/scan.pdf`, {
      cookie: `a=b; ${cookieHeader(signed.cookies)}`,
    });
    expect(verdict.allowed && verdict.mode).toBe("cookie");
    const outside = verify(`${ORIGIN}/documents/8/scan.pdf`, {
      cookie: cookieHeader(signed.cookies),
    });
    expect(denial(outside).code).toBe("AccessDenied");
  });

  it("prefers URL parameters over cookies", () => {
    const cookies = signCookies({
      key: EC_KEY,
      resource: `${ORIGIN}/documents/*`,
      dateLessThan: inSeconds(60),
    });
    const header = cookieHeader(cookies.cookies);
    const expiredUrl = canned("/documents/a", EC_KEY, 10);
    expect(denial(verify(expiredUrl, { cookie: header, now: inSeconds(20) })).reason).toContain(
      "expired 10 s ago",
    );
    // Any one signing parameter makes it a signed URL, so the valid cookies are ignored.
    const partial = verify(`${ORIGIN}/documents/a?Expires=${NOW_S + 60}`, { cookie: header });
    expect(denial(partial)).toEqual({
      code: "MissingKey",
      reason: "Key-Pair-Id is missing from the query",
    });
  });

  it("names cookies in cookie reasons", () => {
    const header = `CloudFront-Expires=${NOW_S + 60}; CloudFront-Signature=AAAA`;
    expect(denial(verify(`${ORIGIN}/a`, { cookie: header }))).toEqual({
      code: "MissingKey",
      reason: "CloudFront-Key-Pair-Id is missing from the signed cookies",
    });
  });
});

describe("errorBody", () => {
  it("returns CloudFront's exact bodies", () => {
    expect(errorBody("AccessDenied")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>',
    );
    expect(Buffer.byteLength(errorBody("AccessDenied"))).toBe(110);
    expect(Buffer.byteLength(errorBody("MissingKey"))).toBe(146);
    expect(errorBody("MissingKey")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>',
    );
    expect(errorBody("InvalidKey")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidKey</Code><Message>Unknown Key</Message></Error>',
    );
    expect(errorBody("MalformedPolicy")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedPolicy</Code><Message>Malformed Policy</Message></Error>',
    );
    expect(errorBody("MalformedSignature")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedSignature</Code><Message>Could not unencode Signature</Message></Error>',
    );
  });
});
