import type { Metadata } from "next";
import Link from "next/link";

import { currentClientIp } from "@/app/_lib/client-ip";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { DocumentImageGrid, ImageAccess } from "@/components/document-images";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import { getConfig, MAX_LINK_TTL_SECONDS } from "@/lib/config";
import { getDocumentsContext, listDocumentImages, type DocumentImages } from "@/lib/documents";
import { isAppError } from "@/lib/errors";
import { encodeObjectKey } from "@/lib/signing";

// The page reads the session and the access rules on every request. proxy.ts sets no-store.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Document images" };

type Loaded = { images: DocumentImages } | { refusal: string };

/** Loads the images, turning a refusal (expired, revoked) into its message for the page. */
async function loadImages(viewer: SignedInViewer, id: string, now: Date): Promise<Loaded> {
  try {
    const context = await getDocumentsContext(await currentClientIp());
    return { images: await listDocumentImages(context, viewer, id, now) };
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") return { refusal: error.userMessage };
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id, documentId: id });
  }
}

/**
 * Reads the cookies' expiry that the open route passed in `until` (epoch seconds). It only
 * changes what the page shows, because CloudFront checks the cookies' own policy. Returns
 * null when the value is missing, malformed, past, or further ahead than any TTL allows.
 */
function expiryOf(until: string | string[] | undefined, now: Date): Date | null {
  if (typeof until !== "string" || !/^[0-9]{1,10}$/.test(until)) return null;
  const expiresAt = new Date(Number(until) * 1000);
  const ahead = expiresAt.getTime() - now.getTime();
  return ahead > 0 && ahead <= MAX_LINK_TTL_SECONDS * 1000 ? expiresAt : null;
}

export default async function DocumentImagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ until?: string | string[] }>;
}) {
  const { id } = await params;
  const gallery = `/documents/${encodeURIComponent(id)}/images`;
  const viewer = await requireRole("patient", gallery);
  const now = new Date();

  const loaded = await loadImages(viewer, id, now);

  if ("refusal" in loaded) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Images unavailable</h1>
        <p className="text-sm text-slate-600">{loaded.refusal}</p>
        <BackLink />
      </div>
    );
  }

  const { document, files } = loaded.images;
  const origin = getConfig().cloudfront.url;
  const images = files.map((file) => ({
    src: `${origin}/${encodeObjectKey(file.objectKey)}`,
    fileName: file.fileName,
    position: file.position,
  }));
  const expiresAt = expiryOf((await searchParams).until, now);

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{document.title}</h1>
        <ImageAccess expiresAt={expiresAt} now={now} refreshHref={`${gallery}/open`} />
      </div>
      {expiresAt ? <DocumentImageGrid images={images} /> : null}
    </div>
  );
}

function BackLink() {
  return (
    <Link href="/documents" className="text-sm font-medium text-brand-700 hover:underline">
      Back to your documents
    </Link>
  );
}
