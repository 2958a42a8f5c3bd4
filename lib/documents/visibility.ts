import { and, eq, ne, sql, type SQL } from "drizzle-orm";

import type { Viewer } from "@/lib/access";
import { documents } from "@/lib/db/schema";

/**
 * Builds the SQL form of `canSeeDocument`, which selects the rows a viewer may see, so
 * that queries never load another user's documents. Callers still check each row with `canSeeDocument`, which
 * stays the single source of the rule.
 */
export function visibleToViewer(viewer: Viewer): SQL {
  const uploaded = ne(documents.status, "pending_upload");
  switch (viewer.role) {
    case "patient":
      return and(uploaded, eq(documents.patientId, viewer.id)) ?? sql`false`;
    case "doctor":
      return and(uploaded, eq(documents.authorId, viewer.id)) ?? sql`false`;
    case "staff":
      if (viewer.hospitalId === null) return sql`false`;
      return (
        and(
          eq(documents.kind, "identity_document"),
          eq(documents.status, "pending_verification"),
          eq(documents.hospitalId, viewer.hospitalId),
        ) ?? sql`false`
      );
    case "admin":
      return sql`false`;
  }
}
