/**
 * The message beside one input. Always rendered (empty when there is no error) so that its live
 * region exists before the text arrives and screen readers announce it.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="text-sm font-medium text-red-800 empty:hidden">
      {message ?? ""}
    </p>
  );
}
