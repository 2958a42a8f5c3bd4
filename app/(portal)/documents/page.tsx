import type { Metadata } from "next";

import { currentClientIp } from "@/app/_lib/client-ip";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { DocumentGroup } from "@/components/document-group";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import {
  getDocumentsContext,
  listPatientDocuments,
  type DocumentGroup as Group,
} from "@/lib/documents";
import { assertStorageReachable } from "@/lib/storage";

// Links are minted per request, so this page must never be prerendered or cached.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your documents" };

/** Loads the groups, sending any failure to error.tsx rather than showing an empty list. */
async function loadDocumentGroups(viewer: SignedInViewer, now: Date): Promise<Group[]> {
  try {
    await assertStorageReachable();
    const context = await getDocumentsContext(await currentClientIp());
    return await listPatientDocuments(context, viewer, now);
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

export default async function DocumentsPage() {
  const viewer = await requireRole("patient", "/documents");
  const now = new Date();

  const groups = await loadDocumentGroups(viewer, now);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your documents</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">
          Each link below was created when this page loaded and stops working a few minutes later.
          Reload the page for fresh links.
        </p>
      </div>
      {groups.map((group) => (
        <DocumentGroup key={group.kind} group={group} now={now} />
      ))}
    </div>
  );
}
