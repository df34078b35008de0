/**
 * A grey stand-in of the size of what is loading, so nothing jumps when it arrives (no spinner).
 * The words are for screen readers only; `rows` picks how many lines to reserve.
 */
export function Skeleton({ label, rows = 3, testId }: { label: string; rows?: number; testId?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-3" data-testid={testId}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 motion-safe:animate-pulse">
          <div className="h-4 w-2/5 rounded bg-slate-200" />
          <div className="h-3 w-4/5 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
