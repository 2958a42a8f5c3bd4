/**
 * Manages the CloudFront key ring: `npm run keys -- list|add|activate|retire|revoke ...`.
 * The key ring path comes from CLOUDFRONT_KEY_RING_FILE (default .data/keys/key-ring.json).
 * Exit status: 0 on success, 1 when the change is rejected, 2 on usage errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import {
  KEY_PAIR_ID_PATTERN,
  KeyRingError,
  readKeyRing,
  writeKeyRing,
  type KeyRing,
} from "@/lib/cloudfront/key-ring";
import {
  activateKey,
  addKey,
  DEFAULT_GROUP,
  emptyKeyRing,
  retireKey,
  revokeKey,
} from "@/lib/cloudfront/key-ring-edit";
import { MIN_NEW_RSA_BITS, parsePublicKeyPem } from "@/lib/cloudfront/public-key";
import { ConfigError, loadConfig } from "@/lib/config";
import { generateKeyFiles } from "@/lib/signing/development-keys";

const USAGE = `Usage: npm run keys -- <command>

  list                          show key groups and keys
  add [--group NAME] [--algorithm ecdsa|rsa]
                                generate a key pair (ECDSA P-256 by default, or RSA 2048)
  add --public-key FILE --key-pair-id ID [--group NAME]
                                trust a public key whose private key is held elsewhere
  activate ID                   sign new links with key ID; the previous key is retired
  retire ID                     stop signing with key ID but keep trusting its links
  revoke ID                     stop trusting key ID: its links fail at once

The key ring file is CLOUDFRONT_KEY_RING_FILE (default .data/keys/key-ring.json).`;

class UsageError extends Error {}

function readRing(file: string): KeyRing {
  return existsSync(file) ? readKeyRing(file) : emptyKeyRing();
}

function list(file: string): string {
  if (!existsSync(file)) return `No key ring at ${file}; create one with: npm run keys -- add`;
  const ring = readKeyRing(file);
  const lines = [`Key ring ${file}`];
  for (const group of ring.groups) {
    lines.push("", `key group ${group.name}`);
    for (const key of group.keys) {
      const signer = key.privateKeyFile ? `private key ${key.privateKeyFile}` : "public key only";
      const row = [
        key.keyPairId,
        key.algorithm.padEnd(10),
        key.status.padEnd(7),
        key.createdAt,
        signer,
      ];
      lines.push(`  ${row.join("  ")}`);
    }
  }
  return lines.join("\n");
}

async function add(file: string, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      group: { type: "string", default: DEFAULT_GROUP },
      algorithm: { type: "string", default: "ecdsa" },
      "public-key": { type: "string" },
      "key-pair-id": { type: "string" },
    },
  });
  const ring = readRing(file);
  const group = values.group;
  if (values["public-key"] !== undefined || values["key-pair-id"] !== undefined) {
    const publicKeyFile = values["public-key"];
    const keyPairId = values["key-pair-id"];
    if (!publicKeyFile || !keyPairId) {
      throw new UsageError("--public-key and --key-pair-id must be given together");
    }
    if (!KEY_PAIR_ID_PATTERN.test(keyPairId)) {
      throw new UsageError(`--key-pair-id ${keyPairId} is not 13-14 upper-case letters and digits`);
    }
    let pem: string;
    try {
      pem = readFileSync(publicKeyFile, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      throw new KeyRingError(`--public-key ${publicKeyFile} cannot be read (${code})`);
    }
    const label = `--public-key ${publicKeyFile}`;
    let parsed: ReturnType<typeof parsePublicKeyPem>;
    try {
      parsed = parsePublicKeyPem(pem, label, MIN_NEW_RSA_BITS);
    } catch (error) {
      throw new KeyRingError((error as Error).message);
    }
    const { publicKey, algorithm } = parsed;
    const publicKeyPem = publicKey.export({ format: "pem", type: "spki" }).toString();
    const entry = { keyPairId, algorithm, publicKeyPem, createdAt: new Date().toISOString() };
    const next = addKey(ring, group, entry);
    await writeKeyRing(file, next.ring);
    return `Added public key ${keyPairId} (${algorithm}) to key group ${group} as ${next.entry.status}`;
  }

  const algorithm = { ecdsa: "ECDSA_P256", rsa: "RSA" }[values.algorithm] as
    "ECDSA_P256" | "RSA" | undefined;
  if (!algorithm) throw new UsageError(`--algorithm ${values.algorithm} must be ecdsa or rsa`);
  const dir = path.dirname(file);
  const generated = await generateKeyFiles(dir, algorithm);
  try {
    const next = addKey(ring, group, generated);
    await writeKeyRing(file, next.ring);
    const hint =
      next.entry.status === "active"
        ? ""
        : `; sign with it by running: npm run keys -- activate ${generated.keyPairId}`;
    return `Added key ${generated.keyPairId} (${algorithm}) to key group ${group} as ${next.entry.status}${hint}`;
  } catch (error) {
    await unlink(path.join(dir, generated.privateKeyFile));
    throw error;
  }
}

async function change(file: string, command: string, args: string[]): Promise<string> {
  const [keyPairId, ...extra] = args;
  if (!keyPairId || extra.length > 0)
    throw new UsageError(`${command} takes exactly one key pair id`);
  if (!existsSync(file))
    throw new KeyRingError(`no key ring at ${file}; create one with: npm run keys -- add`);
  const ring = readKeyRing(file);
  const edit = { activate: activateKey, retire: retireKey, revoke: revokeKey }[command];
  await writeKeyRing(file, (edit ?? activateKey)(ring, keyPairId));
  switch (command) {
    case "activate":
      return `Key ${keyPairId} now signs new links; running apps switch to it within a second. The previous key stays trusted until you revoke it.`;
    case "retire":
      return `Key ${keyPairId} is retired: it signs nothing new, and links it signed keep working until they expire.`;
    default:
      return `Key ${keyPairId} is revoked: every link it signed is now rejected with InvalidKey.`;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const file = loadConfig(process.env).cloudfront.keyRingFile;
    if (command === "list") console.log(list(file));
    else if (command === "add") console.log(await add(file, args));
    else if (["activate", "retire", "revoke"].includes(command))
      console.log(await change(file, command, args));
    else throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(`keys: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof KeyRingError || error instanceof ConfigError) {
      console.error(`keys: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
