import { cx } from "./cx";

/** Renders the Berkas word mark: a folded-page glyph and the name. */
export function Brand({ size = "md" }: { size?: "md" | "lg" }) {
  const large = size === "lg";
  return (
    <span className="inline-flex items-center gap-2">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cx(large ? "size-9" : "size-7", "text-brand-600")}
      >
        <rect x="2" y="2" width="20" height="20" rx="5" fill="currentColor" />
        <path d="M8 6.5h5.5L16.5 9.5V17.5H8z" fill="white" />
        <path d="M13.5 6.5V9.5H16.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M10 12.5h4.5M10 15h3" stroke="currentColor" strokeWidth="1.2" />
      </svg>
      <span
        className={cx(
          large ? "text-2xl" : "text-lg",
          "font-semibold tracking-tight text-slate-900",
        )}
      >
        Berkas
      </span>
    </span>
  );
}
