import path from "node:path";

import { envSchema, type Env } from "./schema";

export { MAX_LINK_TTL_SECONDS } from "./schema";

export const DOCUMENT_KINDS = [
  "prescription",
  "lab_report",
  "invoice",
  "doctor_note",
  "identity_document",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Access keys that s3rver accepts out of the box; they protect nothing. */
const S3RVER_ACCESS_KEY_ID = "S3RVER";
const S3RVER_SECRET_ACCESS_KEY = "S3RVER";

/** A setting that is missing or invalid. The message names the variable, never its value. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface Config {
  env: Env["NODE_ENV"];
  logLevel: Env["LOG_LEVEL"];
  dataDir: string;
  ports: { app: number; edge: number; s3: number };
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  s3: {
    /** Undefined means AWS S3's regional endpoint. */
    endpoint: string | undefined;
    region: string;
    bucket: string;
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    forcePathStyle: boolean;
  };
  cloudfront: {
    /** Public origin of the distribution (or the local edge) that signed URLs point at. */
    url: string;
    keyPairId: string | undefined;
    privateKey: { pem: string } | { file: string } | undefined;
    privateKeyPassphrase: string | undefined;
    publicKeyFile: string | undefined;
    hashAlgorithm: "SHA1" | "SHA256" | undefined;
    keyRingFile: string;
    /** Domain attribute of the signed cookies, e.g. `.example.org`, or undefined for host-only. */
    cookieDomain: string | undefined;
  };
  /** TTL of a minted link per document kind, in seconds, before the document's own limit. */
  linkTtlSeconds: Record<DocumentKind, number>;
  staffIpBinding: boolean;
  /** Proxies that append to X-Forwarded-For; the client is the entry this many from the end. */
  trustedProxyCount: number;
  /** Age in seconds after which an unconfirmed upload and its staged object are deleted. */
  uploadCleanupAfterSeconds: number;
  auth: { secret: string | undefined; url: string | undefined; trustHost: boolean };
}

/**
 * Parses and validates the environment. Throws ConfigError naming every invalid or
 * missing variable; the message never contains a value, since several are secrets.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "(environment)"} ${issue.message}`,
      ),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];

  if (env.CLOUDFRONT_PRIVATE_KEY && env.CLOUDFRONT_PRIVATE_KEY_FILE) {
    problems.push(
      "CLOUDFRONT_PRIVATE_KEY and CLOUDFRONT_PRIVATE_KEY_FILE are both set: set only one of them",
    );
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together");
  }
  if (env.CLOUDFRONT_COOKIE_DOMAIN) {
    // Browsers reject a Domain that does not cover the host setting the cookie (the portal)
    // and send the cookie only to hosts it covers (the distribution).
    const urls = {
      CLOUDFRONT_URL: env.CLOUDFRONT_URL ?? `http://localhost:${env.EDGE_PORT}`,
      AUTH_URL: env.AUTH_URL,
    };
    for (const [name, url] of Object.entries(urls)) {
      if (url && !domainCovers(env.CLOUDFRONT_COOKIE_DOMAIN, new URL(url).hostname)) {
        problems.push(
          `CLOUDFRONT_COOKIE_DOMAIN must be the host of ${name} or a parent domain of it`,
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolvePath(env.BERKAS_DATA_DIR);
  const useAws = env.S3_ENDPOINT === "aws";
  const s3Endpoint = useAws ? undefined : (env.S3_ENDPOINT ?? `http://localhost:${env.S3_PORT}`);
  const defaultTtl = env.LINK_TTL_SECONDS;

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    dataDir,
    ports: { app: env.APP_PORT, edge: env.EDGE_PORT, s3: env.S3_PORT },
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: resolvePath(dataDir, "pglite") },
    s3: {
      endpoint: s3Endpoint,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      credentials: env.S3_ACCESS_KEY_ID
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? "" }
        : useAws
          ? undefined
          : { accessKeyId: S3RVER_ACCESS_KEY_ID, secretAccessKey: S3RVER_SECRET_ACCESS_KEY },
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? s3Endpoint !== undefined,
    },
    cloudfront: {
      url: env.CLOUDFRONT_URL ?? `http://localhost:${env.EDGE_PORT}`,
      keyPairId: env.CLOUDFRONT_KEY_PAIR_ID,
      privateKey: env.CLOUDFRONT_PRIVATE_KEY
        ? { pem: env.CLOUDFRONT_PRIVATE_KEY }
        : env.CLOUDFRONT_PRIVATE_KEY_FILE
          ? { file: resolvePath(env.CLOUDFRONT_PRIVATE_KEY_FILE) }
          : undefined,
      privateKeyPassphrase: env.CLOUDFRONT_PRIVATE_KEY_PASSPHRASE,
      publicKeyFile: env.CLOUDFRONT_PUBLIC_KEY_FILE
        ? resolvePath(env.CLOUDFRONT_PUBLIC_KEY_FILE)
        : undefined,
      hashAlgorithm: env.CLOUDFRONT_HASH_ALGORITHM,
      keyRingFile: resolvePath(
        env.CLOUDFRONT_KEY_RING_FILE ?? resolvePath(dataDir, "keys", "key-ring.json"),
      ),
      cookieDomain: env.CLOUDFRONT_COOKIE_DOMAIN,
    },
    linkTtlSeconds: {
      prescription: env.LINK_TTL_SECONDS_PRESCRIPTION ?? defaultTtl,
      lab_report: env.LINK_TTL_SECONDS_LAB_REPORT ?? defaultTtl,
      invoice: env.LINK_TTL_SECONDS_INVOICE ?? defaultTtl,
      doctor_note: env.LINK_TTL_SECONDS_DOCTOR_NOTE ?? defaultTtl,
      identity_document: env.LINK_TTL_SECONDS_IDENTITY_DOCUMENT,
    },
    staffIpBinding: env.STAFF_IP_BINDING,
    trustedProxyCount: env.TRUSTED_PROXY_COUNT,
    uploadCleanupAfterSeconds: env.UPLOAD_CLEANUP_AFTER_SECONDS,
    auth: {
      secret: env.AUTH_SECRET,
      url: env.AUTH_URL,
      trustHost: env.AUTH_TRUST_HOST ?? env.AUTH_URL === undefined,
    },
  };
}

/** Returns whether a cookie Domain attribute matches `host` (RFC 6265, section 5.1.3). */
function domainCovers(domain: string, host: string): boolean {
  const bare = domain.replace(/^\./, "");
  const lowerHost = host.toLowerCase();
  return lowerHost === bare || lowerHost.endsWith(`.${bare}`);
}

/**
 * Resolves a configured path against the working directory. The bundler comment stops
 * Next.js from treating these run-time paths as files to trace into the server build,
 * which would otherwise copy the whole project into it.
 */
function resolvePath(...segments: string[]): string {
  return path.resolve(/* turbopackIgnore: true */ ...segments);
}

let cached: Config | undefined;

/** Returns the process's configuration, parsed on first use. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}
