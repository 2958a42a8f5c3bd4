import { AppError } from "@/lib/errors";

import type { NoLinkReason } from "./types";

/**
 * Builds the single error for an unknown id, a malformed id and another patient's
 * document, so that a response never reveals whether a document exists.
 */
export function documentNotFound(id: string): AppError {
  return new AppError("not_found", "This document does not exist or is not available to you.", {
    internalMessage: `Document ${JSON.stringify(id.slice(0, 64))} not found for the viewer`,
  });
}

const NO_LINK_MESSAGES: Record<NoLinkReason, string> = {
  expired: "This document has expired, so it can no longer be opened.",
  revoked: "This document was revoked by its author, so it can no longer be opened.",
  rejected: "This identity document was rejected, so it can no longer be opened.",
  unavailable: "This document cannot be opened right now.",
};

export function documentNotOpenable(id: string, reason: NoLinkReason): AppError {
  return new AppError("forbidden", NO_LINK_MESSAGES[reason], {
    internalMessage: `Document ${id} cannot be opened: ${reason}`,
  });
}

/** Builds the error for a document the viewer may open that has no images to show. */
export function documentHasNoImages(id: string): AppError {
  return new AppError("not_found", "This document has no images to show.", {
    internalMessage: `Document ${id} has no files under its images prefix`,
  });
}

/** Runs a query and reports any failure as `database_unavailable`, keeping the cause. */
export async function queryOrFail<T>(description: string, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    throw new AppError(
      "database_unavailable",
      "We can't reach the document database right now. Please try again in a minute.",
      { cause: error, internalMessage: `Database query failed: ${description}` },
    );
  }
}

/**
 * Calls the signer, passing AppErrors through and reporting others as `signing_unavailable`.
 * `signed` names what is signed in the internal message: "a link" or "cookies".
 */
export function signOrFail<T>(documentId: string, sign: () => T, signed = "a link"): T {
  try {
    return sign();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "signing_unavailable",
      "We can't create document links right now. Please try again in a minute.",
      { cause: error, internalMessage: `Signing ${signed} for document ${documentId} failed` },
    );
  }
}
