import { parseIpv4Cidr, type Ipv4Cidr } from "./ip";

/**
 * Largest epoch second accepted in a policy: 2^31 - 1 (2038-01-19T03:14:07Z). Signers cap
 * expiries below 2^31, and millisecond timestamps (a common bug that CloudFront rejects with
 * MalformedPolicy) are far above it.
 */
export const MAX_EPOCH_SECONDS = 2_147_483_647;

/**
 * Builds the canned policy bytes CloudFront rebuilds from a request: no whitespace and this
 * exact key order, because the signature covers the bytes.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
 */
export function cannedPolicy(resource: string, expiresEpochSeconds: number): string {
  return (
    `{"Statement":[{"Resource":${JSON.stringify(resource)},` +
    `"Condition":{"DateLessThan":{"AWS:EpochTime":${expiresEpochSeconds}}}}]}`
  );
}

/** The conditions of a custom policy, after validation. */
export interface CustomPolicy {
  /** Undefined means every object the key's distributions serve. */
  resource: string | undefined;
  dateLessThan: number;
  dateGreaterThan: number | undefined;
  sourceIp: Ipv4Cidr | undefined;
}

export type CustomPolicyResult = { ok: true; policy: CustomPolicy } | { ok: false; reason: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownKey(
  value: { [key: string]: Json },
  allowed: readonly string[],
): string | undefined {
  return Object.keys(value).find((key) => !allowed.includes(key));
}

function readEpoch(condition: { [key: string]: Json }, name: string): number | string | undefined {
  const entry = condition[name];
  if (entry === undefined) return undefined;
  if (!isObject(entry) || unknownKey(entry, ["AWS:EpochTime"]) !== undefined) {
    return `${name} must be {"AWS:EpochTime": <seconds>}`;
  }
  const value = entry["AWS:EpochTime"];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    return `${name}.AWS:EpochTime must be a whole number of epoch seconds, not ${JSON.stringify(value ?? null)}`;
  }
  if (value > MAX_EPOCH_SECONDS) {
    return `${name}.AWS:EpochTime ${value} is above ${MAX_EPOCH_SECONDS}; milliseconds instead of seconds?`;
  }
  return value;
}

function fail(reason: string): CustomPolicyResult {
  return { ok: false, reason };
}

/**
 * Parses and validates custom policy JSON: exactly one statement, a numeric DateLessThan,
 * an optional DateGreaterThan and an optional IPv4 `AWS:SourceIp`. Parameter names must be
 * spelled exactly as CloudFront documents them, so unknown names are rejected.
 */
export function parseCustomPolicy(json: string): CustomPolicyResult {
  let document: Json;
  try {
    document = JSON.parse(json) as Json;
  } catch (error) {
    return fail(`policy is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(document) || unknownKey(document, ["Statement"]) !== undefined) {
    return fail('policy must be an object with only a "Statement" member');
  }
  const statements = document.Statement;
  if (!Array.isArray(statements) || statements.length !== 1) {
    return fail("policy must have exactly one statement in a Statement array");
  }
  const statement = statements[0];
  if (!isObject(statement) || unknownKey(statement, ["Resource", "Condition"]) !== undefined) {
    return fail('the statement may contain only "Resource" and "Condition"');
  }
  const resource = statement.Resource;
  if (resource !== undefined && typeof resource !== "string") {
    return fail("Resource must be a string");
  }
  if (resource !== undefined && !/^(https?:\/\/|\*)/.test(resource)) {
    return fail(`Resource ${JSON.stringify(resource)} must start with http://, https:// or *`);
  }
  const condition = statement.Condition;
  const allowedConditions = ["DateLessThan", "DateGreaterThan", "IpAddress"];
  if (!isObject(condition)) return fail("the statement has no Condition object");
  const extra = unknownKey(condition, allowedConditions);
  if (extra !== undefined) return fail(`unknown condition ${JSON.stringify(extra)}`);

  const dateLessThan = readEpoch(condition, "DateLessThan");
  if (dateLessThan === undefined) return fail("Condition.DateLessThan is missing");
  if (typeof dateLessThan === "string") return fail(dateLessThan);
  const dateGreaterThan = readEpoch(condition, "DateGreaterThan");
  if (typeof dateGreaterThan === "string") return fail(dateGreaterThan);

  let sourceIp: Ipv4Cidr | undefined;
  const ipAddress = condition.IpAddress;
  if (ipAddress !== undefined) {
    const text = isObject(ipAddress) ? ipAddress["AWS:SourceIp"] : undefined;
    if (!isObject(ipAddress) || unknownKey(ipAddress, ["AWS:SourceIp"]) !== undefined) {
      return fail('IpAddress must be {"AWS:SourceIp": "<IPv4 CIDR>"}');
    }
    sourceIp = typeof text === "string" ? parseIpv4Cidr(text) : undefined;
    if (!sourceIp) {
      return fail(
        `AWS:SourceIp ${JSON.stringify(text ?? null)} is not an IPv4 CIDR such as 192.0.2.0/24`,
      );
    }
  }
  return { ok: true, policy: { resource, dateLessThan, dateGreaterThan, sourceIp } };
}
