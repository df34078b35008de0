import { Children, type ReactNode } from "react";

/** Children such as `{cond ? <p/> : null}` count only when something actually renders. */
const isEmpty = (children: ReactNode) => Children.toArray(children).length === 0;

type Props = { message?: string | null; children?: ReactNode };

// An error interrupts (role="alert"); a confirmation is announced politely (role="status").
const TONES = {
  error: { role: "alert", testId: "form-error", className: "border-red-300 bg-red-50 text-red-900" },
  success: { role: "status", testId: "form-success", className: "border-green-300 bg-green-50 text-green-900" },
} as const;

function Notice({ tone, message, children }: Props & { tone: keyof typeof TONES }) {
  if (!message && isEmpty(children)) return null;
  const t = TONES[tone];
  return (
    <div role={t.role} className={`rounded-md border ${t.className} p-3 text-sm`} data-testid={t.testId}>
      {message ? <p>{message}</p> : null}
      {children}
    </div>
  );
}

/** A form-level problem (the API's `error`, or one that belongs to no single field). */
export function FormError(props: Props) {
  return <Notice tone="error" {...props} />;
}

/** A confirmation after a form succeeded. */
export function FormSuccess(props: Props) {
  return <Notice tone="success" {...props} />;
}
