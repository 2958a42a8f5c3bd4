import "server-only";

import type { IncomingMessage } from "node:http";

import type { CloudFrontErrorCode, SigningMode } from "@/lib/cloudfront/types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";

import { logReasonOf } from "./access-log";
import { clientIpOf } from "./client-ip";
import type { EdgeOptions } from "./request-handler";

export type EdgeVerdict =
  | {
      allowed: true;
      mode: SigningMode;
      keyPairId: string;
      /** The raw path, and the raw query without the signing parameters, for the origin. */
      origin: { path: string; query: string };
    }
  | {
      allowed: false;
      code: CloudFrontErrorCode;
      mode: SigningMode | null;
      keyPairId: string | null;
      /** The verifier's reason with quoted URLs and policy statements removed. */
      logReason: string;
    };

/**
 * Verifies a viewer request with the raw request-target as it arrived, because Node's
 * `req.url` is neither decoded nor normalised. The verifier is pure and should not throw. If
 * it does, the error is logged and the request is denied with AccessDenied, so a bug fails
 * closed.
 */
export function verifyRequest(
  options: EdgeOptions,
  req: IncomingMessage,
  rawTarget: string,
): EdgeVerdict {
  const request = {
    origin: options.publicOrigin,
    rawTarget,
    cookieHeader: req.headers.cookie,
    clientIp: clientIpOf(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      options.trustForwardedFor ?? false,
    ),
  };
  try {
    const verdict = verifyViewerRequest(request, options.trustedKeys(), (options.now ?? now)());
    if (verdict.allowed) {
      const { mode, keyPairId, originPath, originTarget } = verdict;
      const query = originTarget.slice(originPath.length + 1);
      return { allowed: true, mode, keyPairId, origin: { path: originPath, query } };
    }
    const { code, mode, keyPairId, reason } = verdict;
    return { allowed: false, code, mode, keyPairId, logReason: logReasonOf(reason) };
  } catch (error) {
    options.logger.error({ err: error }, "the verifier threw; denying the request");
    return {
      allowed: false,
      code: "AccessDenied",
      mode: null,
      keyPairId: null,
      logReason: "the verifier threw an error",
    };
  }
}

function now(): Date {
  return new Date();
}
