import { cx } from "../cx";

/** Class lists shared by the doctor, staff and admin pages, so that their forms match. */
export const INPUT = cx(
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm",
  "text-slate-900 shadow-sm placeholder:text-slate-400",
  "focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30",
  "aria-invalid:border-rose-400",
);

export const LABEL = "block text-sm font-medium text-slate-700";

export const HINT = "mt-1 text-xs text-slate-500";

export const CARD = "rounded-xl border border-slate-200 bg-white shadow-sm";

const BUTTON = cx(
  "inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-semibold",
  "shadow-sm disabled:cursor-wait disabled:opacity-70",
);

export const BUTTON_PRIMARY = cx(BUTTON, "bg-brand-600 text-white hover:bg-brand-700");

export const BUTTON_SECONDARY = cx(
  BUTTON,
  "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
);

export const BUTTON_DANGER = cx(BUTTON, "bg-rose-600 text-white hover:bg-rose-700");

export const BUTTON_SUCCESS = cx(BUTTON, "bg-emerald-600 text-white hover:bg-emerald-700");

/** Table cells of the workspace lists. */
export const TH =
  "px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
export const TD = "px-4 py-3 align-top text-sm text-slate-700";
