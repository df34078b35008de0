import { Children, type ReactNode } from "react";

/** Children such as `{cond ? <p/> : null}` count only when something actually renders. */
const isEmpty = (children: ReactNode) => Children.toArray(children).length === 0;

/** A form-level problem (the API's `error`, or one that belongs to no single field). */
export function FormError({ message, children }: { message?: string | null; children?: ReactNode }) {
  if (!message && isEmpty(children)) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="form-error">
      {message ? <p>{message}</p> : null}
      {children}
    </div>
  );
}

/** A confirmation after a form succeeded. */
export function FormSuccess({ message, children }: { message?: string | null; children?: ReactNode }) {
  if (!message && isEmpty(children)) return null;
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="form-success">
      {message ? <p>{message}</p> : null}
      {children}
    </div>
  );
}
