import { recordingSigner, type RecordingSigner } from "./signer";
import type { Drizzle } from "@/lib/db/connect";
import type { DocumentsContext } from "@/lib/documents/types";
import { createLogger } from "@/lib/log";

/**
 * Creates a data-layer context on a test database, with a recording signer for links and
 * cookies and a silent logger.
 */
export function testDocumentsContext(db: Drizzle): {
  context: DocumentsContext;
  signer: RecordingSigner;
} {
  const signer = recordingSigner();
  return {
    context: {
      db,
      signLink: signer.signLink,
      signCookies: signer.signCookies,
      log: createLogger("test", "silent"),
      clientIp: "127.0.0.1",
    },
    signer,
  };
}
