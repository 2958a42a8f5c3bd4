/**
 * Tells why CloudFront would accept or deny a signed URL, using the edge's verifier:
 * `npm run --silent cf:explain -- [options] '<signed url>'`.
 * Exit status: 0 when allowed, 1 when denied, 2 on usage errors.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { explainViewerRequest, type Explanation } from "@/lib/cloudfront/explain";
import {
  KeyRingError,
  readKeyRing,
  trustedPublicKeys,
  untrustedReason,
} from "@/lib/cloudfront/key-ring";
import { parsePublicKeyPem } from "@/lib/cloudfront/public-key";
import type { TrustedPublicKey } from "@/lib/cloudfront/types";
import { ConfigError, loadConfig } from "@/lib/config";

const USAGE = `Usage: npm run --silent cf:explain -- [options] '<signed url>'

Options:
  --public-key FILE     trust this PEM public key (repeatable, paired in order with --key-pair-id)
  --key-pair-id ID      the Key-Pair-Id of the matching --public-key
  --now SECONDS         check at this Unix time in seconds (default: the current time)
  --ip ADDRESS          client address for AWS:SourceIp conditions (default: 127.0.0.1)
  --cookie 'NAME=VALUE; ...'
                        Cookie header to send, for signed cookies
  --json                print one JSON line: {"allowed","status","code","reason"}

Without --public-key, the key ring's trusted keys are used (CLOUDFRONT_KEY_RING_FILE).
Exit status: 0 allowed, 1 denied, 2 usage error.`;

class UsageError extends Error {}

interface Options {
  url: URL;
  rawTarget: string;
  now: Date;
  ip: string;
  cookie: string | undefined;
  json: boolean;
  keyFiles: string[];
  keyIds: string[];
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "public-key": { type: "string", multiple: true, default: [] },
        "key-pair-id": { type: "string", multiple: true, default: [] },
        now: { type: "string" },
        ip: { type: "string", default: "127.0.0.1" },
        cookie: { type: "string" },
        json: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("give exactly one signed URL");
  const text = positionals[0] ?? "";
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UsageError(`${JSON.stringify(text)} is not an http:// or https:// URL`);
  }

  if (values.now !== undefined && !/^[0-9]+$/.test(values.now)) {
    throw new UsageError(`--now ${values.now} must be a Unix time in whole seconds`);
  }
  if (values["public-key"].length !== values["key-pair-id"].length) {
    throw new UsageError("give one --key-pair-id for each --public-key, in the same order");
  }

  // The request-target is everything after the host, byte for byte; a fragment is never sent.
  const afterHost = text.slice(text.indexOf("//") + 2);
  const pathStart = afterHost.search(/[/?]/);
  const target = pathStart < 0 ? "/" : (afterHost.slice(pathStart).split("#")[0] ?? "/");
  return {
    url,
    rawTarget: target.startsWith("?") ? `/${target}` : target,
    now: values.now === undefined ? new Date() : new Date(Number(values.now) * 1000),
    ip: values.ip,
    cookie: values.cookie,
    json: values.json,
    keyFiles: values["public-key"],
    keyIds: values["key-pair-id"],
  };
}

function loadKeys(options: Options): {
  keys: TrustedPublicKey[];
  describeUntrusted?: (id: string) => string;
} {
  if (options.keyFiles.length === 0) {
    let ring;
    try {
      ring = readKeyRing(loadConfig(process.env).cloudfront.keyRingFile);
    } catch (error) {
      if (!(error instanceof KeyRingError || error instanceof ConfigError)) throw error;
      throw new UsageError(`${error.message}; or pass --public-key FILE --key-pair-id ID`);
    }
    return { keys: trustedPublicKeys(ring), describeUntrusted: untrustedReason(ring) };
  }
  const keys = options.keyFiles.map((file, i) => {
    let pem: string;
    try {
      pem = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(
        `--public-key ${file} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    try {
      return {
        keyPairId: options.keyIds[i] ?? "",
        ...parsePublicKeyPem(pem, `--public-key ${file}`),
      };
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  return { keys };
}

function render(explanation: Explanation, json: boolean): string {
  if (json) return JSON.stringify(explanation);
  const verdict = explanation.allowed
    ? "ALLOWED: CloudFront would serve this request"
    : `DENIED: CloudFront would answer ${explanation.status} ${explanation.code}`;
  return `${verdict}\n${explanation.reason}`;
}

function main(argv: string[]): number {
  let options: Options;
  let trusted: ReturnType<typeof loadKeys>;
  try {
    options = parseOptions(argv);
    trusted = loadKeys(options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`cf:explain: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  // URL parsing lowercases the host and drops a default port, as clients do in the Host header.
  const request = {
    origin: `${options.url.protocol}//${options.url.host}`,
    rawTarget: options.rawTarget,
    cookieHeader: options.cookie,
    clientIp: options.ip,
  };
  const explanation = explainViewerRequest(
    request,
    trusted.keys,
    options.now,
    trusted.describeUntrusted,
  );
  console.log(render(explanation, options.json));
  return explanation.allowed ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
