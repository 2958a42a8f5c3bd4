import { cx } from "./cx";
import { formatClock, formatMinutesUntil } from "./format";

/** One image of a document as the gallery shows it. */
export interface GalleryImage {
  /** The image's URL on the distribution, without a query, because the cookies authorize it. */
  src: string;
  fileName: string;
  position: number;
}

const BUTTON = cx(
  "inline-flex items-center rounded-lg bg-brand-600 px-3 py-1.5",
  "text-sm font-medium text-white shadow-sm hover:bg-brand-700",
);

/**
 * Renders a document's images in a grid, each linking to the full-size image. Plain `<img>`
 * elements load straight from the distribution, because next/image would fetch the images
 * on the server, which has no signed cookies.
 */
export function DocumentImageGrid({ images }: { images: GalleryImage[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {images.map((image) => (
        <li key={image.position}>
          <figure className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <a href={image.src} target="_blank" rel="noopener noreferrer" className="block">
              <img
                src={image.src}
                alt={image.fileName}
                className="aspect-square w-full bg-slate-900 object-contain"
              />
              <span className="sr-only"> (opens full size in a new tab)</span>
            </a>
            <figcaption className="truncate px-3 py-2 text-sm text-slate-600">
              {image.fileName}
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

/**
 * Renders the time the gallery's access ends, or a note that it has ended, with a link that
 * sets fresh cookies. `expiresAt` is null when the expiry is unknown or past.
 */
export function ImageAccess({
  expiresAt,
  now,
  refreshHref,
}: {
  expiresAt: Date | null;
  now: Date;
  refreshHref: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {expiresAt ? (
        <p className="text-sm text-slate-600">
          Images available until{" "}
          <time dateTime={expiresAt.toISOString()}>{formatClock(expiresAt)}</time> (
          {formatMinutesUntil(expiresAt, now)})
        </p>
      ) : (
        <p className="text-sm text-slate-600">Access to these images has ended.</p>
      )}
      {/* Not next/link, which would prefetch the route, and the route mints cookies per GET. */}
      <a href={refreshHref} className={BUTTON}>
        Refresh access
      </a>
    </div>
  );
}
