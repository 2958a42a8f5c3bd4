import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { readKeyRing, type KeyRing } from "@/lib/cloudfront/key-ring";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const exec = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function keys(file: string, ...args: string[]): Promise<Result> {
  const argv = ["tsx", "--conditions=react-server", path.join(ROOT, "scripts/keys.ts"), ...args];
  const env = { ...process.env, CLOUDFRONT_KEY_RING_FILE: file };
  try {
    const { stdout, stderr } = await exec("npx", argv, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function newRingFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "berkas-keys-")), "key-ring.json");
}

const statuses = (ring: KeyRing) =>
  ring.groups.flatMap((group) =>
    group.keys.map((key) => `${group.name}:${key.algorithm}:${key.status}`),
  );

function publicKeyFile(dir: string, bits: number): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const file = path.join(dir, `public-${bits}.pem`);
  writeFileSync(file, publicKey.export({ format: "pem", type: "spki" }));
  return file;
}

// Each case spawns the command several times, and each spawn starts tsx afresh.
describe("keys command", { timeout: 120_000 }, () => {
  it("adds, activates and revokes keys", async () => {
    const file = newRingFile();
    expect((await keys(file, "list")).stdout).toBe(
      `No key ring at ${file}; create one with: npm run keys -- add\n`,
    );

    const first = await keys(file, "add");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Added key K[A-Z0-9]{13} \(ECDSA_P256\) to key group berkas-local as active\n$/,
    );
    const second = await keys(file, "add", "--algorithm", "rsa");
    expect(second.stdout).toMatch(
      /as added; sign with it by running: npm run keys -- activate K[A-Z0-9]{13}\n$/,
    );

    let ring = readKeyRing(file);
    const [oldId = "", newId = ""] = ring.groups[0]?.keys.map((key) => key.keyPairId) ?? [];
    expect(statuses(ring)).toEqual(["berkas-local:ECDSA_P256:active", "berkas-local:RSA:added"]);
    const privateFile = path.join(path.dirname(file), `${oldId}.pem`);
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);

    const rejected = await keys(file, "revoke", oldId);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toBe(
      `keys: key ${oldId} is the active signing key; activate another key first (npm run keys -- activate ID), then revoke it\n`,
    );

    expect((await keys(file, "activate", newId)).code).toBe(0);
    expect(statuses(readKeyRing(file))).toEqual([
      "berkas-local:ECDSA_P256:retired",
      "berkas-local:RSA:active",
    ]);
    const revoked = await keys(file, "revoke", oldId);
    expect(revoked.stdout).toBe(
      `Key ${oldId} is revoked: every link it signed is now rejected with InvalidKey.\n`,
    );
    ring = readKeyRing(file);
    expect(statuses(ring)).toEqual(["berkas-local:ECDSA_P256:revoked", "berkas-local:RSA:active"]);

    const listing = (await keys(file, "list")).stdout;
    expect(listing).toContain(`Key ring ${file}\n\nkey group berkas-local\n`);
    expect(listing).toMatch(
      new RegExp(`  ${oldId}  ECDSA_P256  revoked  \\S+  private key ${oldId}\\.pem`),
    );
    expect(listing).toMatch(
      new RegExp(`  ${newId}  RSA         active   \\S+  private key ${newId}\\.pem`),
    );
  });

  it("rejects unknown key ids", async () => {
    const file = newRingFile();
    await keys(file, "add");
    const result = await keys(file, "activate", "K0000000000000");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^keys: key K0000000000000 not found in the key ring \(keys: K[A-Z0-9]{13}\)\n$/,
    );
  });

  it("enforces the five keys a group limit", async () => {
    const file = newRingFile();
    for (let i = 0; i < 5; i++) expect((await keys(file, "add")).code).toBe(0);
    const full = await keys(file, "add");
    expect(full.code).toBe(1);
    expect(full.stderr).toBe(
      "keys: key group berkas-local is full: CloudFront allows 5 public keys per group; revoke one or use --group\n",
    );
    // The failed add leaves no stray private key behind.
    expect(readKeyRing(file).groups[0]?.keys).toHaveLength(5);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith(".pem"))).toHaveLength(5);
  });

  it("enforces the four groups limit", async () => {
    const file = newRingFile();
    for (const group of ["a", "b", "c", "d"])
      expect((await keys(file, "add", "--group", group)).code).toBe(0);
    const result = await keys(file, "add", "--group", "e");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "keys: cannot create key group e: CloudFront allows 4 key groups per cache behavior and the ring has a, b, c, d\n",
    );
  });

  it("imports a public key", async () => {
    const file = newRingFile();
    await keys(file, "add");
    const dir = path.dirname(file);
    const imported = await keys(
      file,
      "add",
      "--public-key",
      publicKeyFile(dir, 2048),
      "--key-pair-id",
      "K2IMPORTED0001",
    );
    expect(imported.stdout).toBe(
      "Added public key K2IMPORTED0001 (RSA) to key group berkas-local as added\n",
    );
    expect(statuses(readKeyRing(file))).toEqual([
      "berkas-local:ECDSA_P256:active",
      "berkas-local:RSA:added",
    ]);
    const activate = await keys(file, "activate", "K2IMPORTED0001");
    expect(activate.code).toBe(1);
    expect(activate.stderr).toContain(
      "key K2IMPORTED0001 has no private key file, so it cannot sign here",
    );

    const small = await keys(
      file,
      "add",
      "--public-key",
      publicKeyFile(dir, 1024),
      "--key-pair-id",
      "K2IMPORTED0002",
    );
    expect(small.code).toBe(1);
    expect(small.stderr).toBe(
      `keys: --public-key ${path.join(dir, "public-1024.pem")} is a 1024-bit RSA key; use at least 2048 bits\n`,
    );
    const missing = await keys(
      file,
      "add",
      "--public-key",
      path.join(dir, "none.pem"),
      "--key-pair-id",
      "K2IMPORTED0003",
    );
    expect(missing.stderr).toBe(
      `keys: --public-key ${path.join(dir, "none.pem")} cannot be read (ENOENT)\n`,
    );
    const garbage = path.join(dir, "garbage.pem");
    writeFileSync(garbage, "hello");
    const bad = await keys(file, "add", "--public-key", garbage, "--key-pair-id", "K2IMPORTED0004");
    expect(bad.stderr).toBe(
      `keys: --public-key ${garbage} is not a valid PEM public key (expected -----BEGIN PUBLIC KEY-----)\n`,
    );
  });

  it("rejects usage errors with status 2", async () => {
    const file = newRingFile();
    const cases: [string[], string][] = [
      [["frob"], 'keys: unknown command "frob"'],
      [["add", "--algorithm", "dsa"], "keys: --algorithm dsa must be ecdsa or rsa"],
      [
        ["add", "--key-pair-id", "K2IMPORTED0001"],
        "keys: --public-key and --key-pair-id must be given together",
      ],
      [["activate"], "keys: activate takes exactly one key pair id"],
    ];
    for (const [args, message] of cases) {
      const result = await keys(file, ...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(message);
      expect(result.stderr).toContain("Usage: npm run keys -- <command>");
    }
  });
});
