import { cx } from "@/components/cx";

const IDENTITY_TYPES = [
  { value: "ktp", label: "KTP", hint: "Indonesian identity card" },
  { value: "passport", label: "Passport", hint: "The page with your photo" },
] as const;

/** Renders the document type choice as radio cards named `identityType`, KTP first. */
export function IdentityTypeFields({ disabled }: { disabled: boolean }) {
  return (
    <fieldset disabled={disabled}>
      <legend className="text-sm font-medium text-slate-700">Document type</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {IDENTITY_TYPES.map((type, index) => (
          <label
            key={type.value}
            className={cx(
              "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200",
              "bg-white px-3 py-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50",
            )}
          >
            <input
              type="radio"
              name="identityType"
              value={type.value}
              defaultChecked={index === 0}
              className="mt-0.5 accent-brand-600"
            />
            <span>
              <span className="block font-medium text-slate-900">{type.label}</span>
              <span className="block text-xs text-slate-500">{type.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
