import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { writeKeyRing, type KeyRing } from "@/lib/cloudfront/key-ring";
import { cannedPolicy } from "@/lib/cloudfront/policy";
import { signCookies, signPolicy, signUrl, type SigningKey } from "@/lib/signing/sign";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = promisify(execFile);

const ORIGIN = "http://localhost:3001";
const NOW_S = 1796464800;
const at = (offset: number) => new Date((NOW_S + offset) * 1000);

const dir = mkdtempSync(path.join(os.tmpdir(), "berkas-explain-"));
const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY: SigningKey = {
  keyPairId: "K2EXPLAINKEY01",
  algorithm: "ECDSA_P256",
  privateKey: pair.privateKey,
  hashAlgorithm: "SHA256",
};
const publicKeyFile = path.join(dir, "public.pem");
writeFileSync(publicKeyFile, pair.publicKey.export({ format: "pem", type: "spki" }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function explain(
  args: string[],
  keyRingFile = path.join(dir, "absent.json"),
): Promise<Result> {
  const script = path.join(ROOT, "scripts/cf-explain.ts");
  const argv = ["tsx", "--conditions=react-server", script, ...args];
  // By default the key ring file does not exist, so only --public-key keys are trusted.
  const env = { ...process.env, CLOUDFRONT_KEY_RING_FILE: keyRingFile };
  try {
    const { stdout, stderr } = await run("npx", argv, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const trusted = [
  "--public-key",
  publicKeyFile,
  "--key-pair-id",
  KEY.keyPairId,
  "--now",
  String(NOW_S),
];

async function explainJson(url: string, extra: string[] = []) {
  const result = await explain([...trusted, ...extra, "--json", url]);
  expect(result.stdout.endsWith("\n")).toBe(true);
  expect(result.stdout.trim().split("\n")).toHaveLength(1);
  return { exit: result.code, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

const canned = (path = "/documents/a", expiresIn = 60) =>
  signUrl({ key: KEY, url: `${ORIGIN}${path}`, dateLessThan: at(expiresIn) }).url;

const denied = (code: string, reason: string) => ({ allowed: false, status: 403, code, reason });

// Each case spawns the command, and each spawn starts tsx afresh.
describe("cf-explain", { timeout: 60_000 }, () => {
  it("explains an allowed URL", async () => {
    const result = await explain([...trusted, canned()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "ALLOWED: CloudFront would serve this request\n" +
        "canned policy signed by key K2EXPLAINKEY01 (ECDSA_P256, SHA256) in the query, valid for 60 s more\n",
    );
  });

  it("explains an expired URL", async () => {
    const result = await explain([...trusted, canned("/documents/a", -42)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "DENIED: CloudFront would answer 403 AccessDenied\n" +
        "canned policy: expired 42 s ago (DateLessThan 1796464758 is 2026-12-05T09:59:18Z)\n",
    );
    const { exit, json } = await explainJson(canned("/documents/a", -42));
    expect(exit).toBe(1);
    expect(json).toEqual(
      denied(
        "AccessDenied",
        "canned policy: expired 42 s ago (DateLessThan 1796464758 is 2026-12-05T09:59:18Z)",
      ),
    );
  });

  it("explains a missing key", async () => {
    const { exit, json } = await explainJson(`${ORIGIN}/documents/a`);
    expect(exit).toBe(1);
    expect(json).toEqual(
      denied("MissingKey", "the request has no signing query parameters and no signed cookies"),
    );
  });

  it("explains an unknown key", async () => {
    const { json } = await explainJson(canned().replace(KEY.keyPairId, "K2SOMEOTHERKEY"));
    expect(json).toEqual(
      denied("InvalidKey", 'key "K2SOMEOTHERKEY" is not in any trusted key group'),
    );
  });

  it("explains a key revoked in the key ring", async () => {
    const ringFile = path.join(dir, "key-ring.json");
    const publicKeyPem = pair.publicKey.export({ format: "pem", type: "spki" }).toString();
    const entry = {
      keyPairId: KEY.keyPairId,
      algorithm: KEY.algorithm,
      publicKeyPem,
      createdAt: at(0).toISOString(),
    };
    const ring: KeyRing = {
      version: 1,
      groups: [{ name: "berkas-local", keys: [{ ...entry, status: "retired" }] }],
    };
    await writeKeyRing(ringFile, ring);
    const args = ["--now", String(NOW_S), "--json", canned()];
    expect((await explain(args, ringFile)).code).toBe(0);

    await writeKeyRing(ringFile, {
      version: 1,
      groups: [{ name: "berkas-local", keys: [{ ...entry, status: "revoked" }] }],
    });
    const result = await explain(args, ringFile);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(
      denied("InvalidKey", 'key "K2EXPLAINKEY01" is revoked: it was removed from its key group'),
    );
  });

  it("explains a resource encoded differently", async () => {
    const url = canned("/documents/a%20b.pdf").replace("a%20b", "a%2520b");
    const { json } = await explainJson(url);
    expect(json.code).toBe("AccessDenied");
    expect(json.reason).toBe(
      `signature does not verify with key K2EXPLAINKEY01 (ECDSA_P256, SHA256) over the canned policy for resource "${ORIGIN}/documents/a%2520b.pdf" with Expires ${NOW_S + 60}; ` +
        "the link was changed after signing, or was signed for another resource, key or hash algorithm. " +
        `Likely cause: the signature does verify if it was signed for resource "${ORIGIN}/documents/a%20b.pdf": resource differs at byte 34: \`%25\` in the request, \`%20\` in the policy`,
    );
  });

  it("explains a missing Hash-Algorithm", async () => {
    const { json } = await explainJson(canned().replace("&Hash-Algorithm=SHA256", ""));
    expect(json.code).toBe("AccessDenied");
    expect(String(json.reason)).toMatch(
      /^signature does not verify with key K2EXPLAINKEY01 \(ECDSA_P256, SHA1\).*Likely cause: the signature does verify if it was hashed with SHA-256, so the link needs Hash-Algorithm=SHA256$/,
    );
  });

  it("explains a policy resource mismatch", async () => {
    const signed = signUrl({
      key: KEY,
      url: `${ORIGIN}/documents/a%20b.pdf`,
      resource: `${ORIGIN}/documents/a b.pdf`,
      dateLessThan: at(60),
    });
    const { json } = await explainJson(signed.url);
    expect(json).toEqual(
      denied(
        "AccessDenied",
        `custom policy: resource differs at byte 34: \`%20\` in the request, \` \` in the policy (request "${ORIGIN}/documents/a%20b.pdf", policy Resource "${ORIGIN}/documents/a b.pdf")`,
      ),
    );
  });

  it("explains a start time in the future", async () => {
    const signed = signUrl({
      key: KEY,
      url: `${ORIGIN}/a`,
      dateGreaterThan: at(120),
      dateLessThan: at(600),
    });
    const { json } = await explainJson(signed.url);
    expect(json).toEqual(
      denied(
        "AccessDenied",
        `custom policy: not valid for 120 s yet (DateGreaterThan ${NOW_S + 120} is 2026-12-05T10:02:00Z)`,
      ),
    );
  });

  it("explains a client outside the IP range", async () => {
    const signed = signUrl({
      key: KEY,
      url: `${ORIGIN}/a`,
      sourceIp: "192.0.2.0/24",
      dateLessThan: at(60),
    });
    expect((await explainJson(signed.url, ["--ip", "192.0.2.10"])).exit).toBe(0);
    const { json } = await explainJson(signed.url, ["--ip", "10.0.0.9"]);
    expect(json).toEqual(
      denied("AccessDenied", "custom policy: client 10.0.0.9 is outside 192.0.2.0/24"),
    );
    const ipv6 = await explainJson(signed.url, ["--ip", "2001:db8::9"]);
    expect(ipv6.json).toEqual(
      denied(
        "AccessDenied",
        "custom policy: client 2001:db8::9 is an IPv6 address, but AWS:SourceIp 192.0.2.0/24 matches only IPv4 clients",
      ),
    );
  });

  it("explains a malformed policy", async () => {
    const json = `{"Statement":[{"Resource":"${ORIGIN}/a","Condition":{"DateLessThan":{"AWS:EpochTime":"soon"}}}]}`;
    const policy = Buffer.from(json)
      .toString("base64")
      .replace(/\+/g, "-")
      .replace(/=/g, "_")
      .replace(/\//g, "~");
    const url = `${ORIGIN}/a?Policy=${policy}&Signature=${signPolicy(KEY, json)}&Key-Pair-Id=${KEY.keyPairId}&Hash-Algorithm=SHA256`;
    const result = await explainJson(url);
    expect(result.json).toEqual(
      denied(
        "MalformedPolicy",
        'DateLessThan.AWS:EpochTime must be a whole number of epoch seconds, not "soon"',
      ),
    );
  });

  it("explains a malformed signature", async () => {
    const { json } = await explainJson(canned().replace(/Signature=[^&]*/, "Signature=not*base64"));
    expect(json).toEqual(
      denied("MalformedSignature", "Signature is not valid CloudFront base64 in the query"),
    );
  });

  it("explains an unknown Hash-Algorithm", async () => {
    const { json } = await explainJson(canned().replace("SHA256", "SHA512"));
    expect(json).toEqual(
      denied("MalformedPolicy", 'Hash-Algorithm "SHA512" is neither SHA1 nor SHA256'),
    );
  });

  it("explains duplicated parameters", async () => {
    const { json } = await explainJson(`${canned()}&Key-Pair-Id=${KEY.keyPairId}`);
    expect(json).toEqual(
      denied("MalformedPolicy", "Key-Pair-Id appears more than once in the query"),
    );
  });

  it("explains signed cookies and URL precedence", async () => {
    const cookies = signCookies({
      key: KEY,
      resource: `${ORIGIN}/documents/*`,
      dateLessThan: at(60),
    });
    const header = cookies.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
    const allowed = await explainJson(`${ORIGIN}/documents/b.pdf`, ["--cookie", header]);
    expect(allowed.json).toEqual({
      allowed: true,
      status: 200,
      code: null,
      reason:
        "custom policy signed by key K2EXPLAINKEY01 (ECDSA_P256, SHA256) in the signed cookies, valid for 60 s more",
    });
    const partial = await explainJson(`${ORIGIN}/documents/b.pdf?Expires=${NOW_S + 60}`, [
      "--cookie",
      header,
    ]);
    expect(partial.json).toEqual(denied("MissingKey", "Key-Pair-Id is missing from the query"));
  });

  it("explains a canned cookie used for another URL", async () => {
    const resource = `${ORIGIN}/documents/a.pdf`;
    const signature = signPolicy(KEY, cannedPolicy(resource, NOW_S + 60));
    const header = `CloudFront-Expires=${NOW_S + 60}; CloudFront-Signature=${signature}; CloudFront-Key-Pair-Id=${KEY.keyPairId}; CloudFront-Hash-Algorithm=SHA256`;
    const { json } = await explainJson(`${ORIGIN}/documents/b.pdf`, ["--cookie", header]);
    expect(json.code).toBe("AccessDenied");
    expect(String(json.reason)).toContain(
      `over the canned policy for resource "${ORIGIN}/documents/b.pdf"`,
    );
  });

  it("rejects usage errors with status 2", async () => {
    const cases: [string[], string][] = [
      [[], "cf:explain: give exactly one signed URL"],
      [
        ["ftp://example.com/a"],
        'cf:explain: "ftp://example.com/a" is not an http:// or https:// URL',
      ],
      [["--now", "soon", canned()], "cf:explain: --now soon must be a Unix time in whole seconds"],
      [
        ["--public-key", publicKeyFile, canned()],
        "cf:explain: give one --key-pair-id for each --public-key, in the same order",
      ],
      [[canned()], `cf:explain: key ring ${path.join(dir, "absent.json")} cannot be read (ENOENT)`],
    ];
    for (const [args, message] of cases) {
      const result = await explain(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0], args.join(" ")).toContain(message);
      expect(result.stderr).toContain(
        "Usage: npm run --silent cf:explain -- [options] '<signed url>'",
      );
    }
  });
});
