import { z } from "zod";

/**
 * Environment variables the app, the edge and the scripts read. Every value is validated
 * here once; nothing else in the code base reads `process.env`.
 */

const port = z.coerce
  .number()
  .int()
  .min(1, "must be a TCP port between 1 and 65535")
  .max(65535, "must be a TCP port between 1 and 65535");

const seconds = (min: number, max: number) => {
  const message = `must be a whole number of seconds between ${min} and ${max}`;
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
};

const httpOrigin = z
  .string()
  .url("must be an absolute http:// or https:// URL")
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
  .transform((value) => value.replace(/\/+$/, ""));

const booleanFlag = z
  .enum(["true", "false", "1", "0"], "must be true or false")
  .transform((value) => value === "true" || value === "1");

/** CloudFront limits no TTL, but a link is never worth more than 7 days of exposure. */
export const MAX_LINK_TTL_SECONDS = 7 * 24 * 60 * 60;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BERKAS_DATA_DIR: z.string().min(1).default(".data"),

  APP_PORT: port.default(3000),
  EDGE_PORT: port.default(3001),
  S3_PORT: port.default(4569),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional(),

  // "aws" selects the regional AWS endpoint and the SDK's default credential chain.
  S3_ENDPOINT: z.union([z.literal("aws"), httpOrigin]).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid S3 bucket name")
    .default("berkas-documents"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),

  CLOUDFRONT_URL: httpOrigin.optional(),
  CLOUDFRONT_KEY_PAIR_ID: z
    .string()
    .regex(/^[A-Z0-9]{1,64}$/, "must be a CloudFront public key ID such as K2JCJMDEHXQW5F")
    .optional(),
  CLOUDFRONT_PRIVATE_KEY: z.string().min(1).optional(),
  CLOUDFRONT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  CLOUDFRONT_PRIVATE_KEY_PASSPHRASE: z.string().min(1).optional(),
  CLOUDFRONT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  CLOUDFRONT_HASH_ALGORITHM: z.enum(["SHA1", "SHA256"], "must be SHA1 or SHA256").optional(),
  CLOUDFRONT_KEY_RING_FILE: z.string().min(1).optional(),
  // Unset gives host-only cookies, which reach the edge locally because cookies ignore ports.
  CLOUDFRONT_COOKIE_DOMAIN: z
    .string()
    .regex(
      /^\.?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i,
      "must be a domain name with at least two labels, such as .example.org",
    )
    .transform((value) => value.toLowerCase())
    .optional(),

  LINK_TTL_SECONDS: seconds(1, MAX_LINK_TTL_SECONDS).default(300),
  LINK_TTL_SECONDS_PRESCRIPTION: seconds(1, MAX_LINK_TTL_SECONDS).optional(),
  LINK_TTL_SECONDS_LAB_REPORT: seconds(1, MAX_LINK_TTL_SECONDS).optional(),
  LINK_TTL_SECONDS_INVOICE: seconds(1, MAX_LINK_TTL_SECONDS).optional(),
  LINK_TTL_SECONDS_DOCTOR_NOTE: seconds(1, MAX_LINK_TTL_SECONDS).optional(),
  LINK_TTL_SECONDS_IDENTITY_DOCUMENT: seconds(1, MAX_LINK_TTL_SECONDS).default(60),
  STAFF_IP_BINDING: booleanFlag.default(false),
  // Reverse proxies in front of the app that append the peer address to X-Forwarded-For.
  TRUSTED_PROXY_COUNT: z.coerce
    .number()
    .int("must be a whole number between 0 and 10")
    .min(0, "must be a whole number between 0 and 10")
    .max(10, "must be a whole number between 0 and 10")
    .default(0),

  // Unconfirmed uploads older than this are deleted. A value below the presigned POST's
  // 5-minute validity plus a 10 MB file's time on a slow link deletes slow uploads early.
  UPLOAD_CLEANUP_AFTER_SECONDS: seconds(60, 24 * 60 * 60).default(900),

  // Optional here because the edge and the scripts run without it; the app requires it.
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)")
    .optional(),
  AUTH_URL: httpOrigin.optional(),
  AUTH_TRUST_HOST: booleanFlag.optional(),
});

export type Env = z.infer<typeof envSchema>;
