import type { Metadata } from "next";
import Link from "next/link";

import { IssueForm, type IssueTargets } from "../_components/issue-form";
import { openDatabase } from "@/app/_lib/contexts";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { wibDateValue } from "@/components/wib-time";
import { PageHeading } from "@/components/workspace/ui";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import { listIssueTargets, MAX_ISSUED_PDF_BYTES } from "@/lib/issuing";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Issue a document" };

async function loadTargets(viewer: SignedInViewer): Promise<IssueTargets> {
  try {
    const { patients, hospitals } = await listIssueTargets(await openDatabase(), viewer);
    return {
      patients,
      hospitals: hospitals.map(({ id, name, city }) => ({ id, name, city })),
    };
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

export default async function IssuePage() {
  const viewer = await requireRole("doctor", "/doctor/issue");

  const targets = await loadTargets(viewer);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/doctor" className="text-sm font-medium text-brand-700 hover:underline">
          ← Issued documents
        </Link>
        <div className="mt-3">
          <PageHeading
            title="Issue a document"
            description="Write a prescription or doctor note here, or upload a PDF. The patient finds it in their documents as soon as you issue it."
          />
        </div>
      </div>
      <IssueForm
        targets={targets}
        today={wibDateValue(new Date())}
        maxPdfBytes={MAX_ISSUED_PDF_BYTES}
      />
    </div>
  );
}
