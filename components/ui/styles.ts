/** Shared Tailwind class lists, so every control has the same size, focus ring and ≥ 44 px target. */
export const inputClass =
  "block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 " +
  "placeholder:text-slate-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50 " +
  "disabled:bg-slate-100 [&:read-only:not(select)]:bg-slate-100";

export const primaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 py-2 text-base font-semibold text-white " +
  "hover:bg-brand-dark disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-brand bg-white px-4 py-2 text-base font-semibold text-brand " +
  "hover:bg-sky-50 disabled:cursor-not-allowed disabled:opacity-60";

export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-red-700 bg-white px-4 py-2 text-base font-semibold text-red-800 " +
  "hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

export const linkClass = "text-brand underline underline-offset-2 hover:text-brand-dark";

/** A text link that is still a comfortable touch target. */
export const touchLinkClass = `${linkClass} inline-flex min-h-11 items-center`;

export const cardClass = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
