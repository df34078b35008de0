import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ClientErrorCode } from "@/lib/http/error-codes";
import type { ApiError } from "./api";

type Failure = { error: ApiError; retryAfter: number | null };
/** The words it needs, in the reader's language (`useApiErrorWords` in lib/i18n/hooks.ts). */
export type ApiErrorWords = { error: (code: string, fallback?: string) => string; retryIn: (seconds: number) => string };
type Options<T extends FieldValues> = {
  /** The form's field names: server `fields` with these keys go beside their input. */
  fields: readonly Path<T>[];
  /** Codes that belong to one field when the server names none (e.g. INVALID_CODE → "code"). */
  codeToField?: Partial<Record<ClientErrorCode, Path<T>>>;
};

/**
 * Puts an API error where the user looks for it: `fields` onto their inputs (setError, focus on
 * the first), the rest into the returned banner text (with the wait of a 429). Returns null when
 * everything already sits beside a field and a banner would only repeat it.
 */
export function applyApiError<T extends FieldValues>(
  failure: Failure,
  setError: UseFormSetError<T>,
  opts: Options<T>,
  words: ApiErrorWords,
): string | null {
  const { error, retryAfter } = failure;
  const known = new Set<string>(opts.fields);
  let focused = false;
  const leftovers: string[] = [];
  const place = (name: Path<T>, message: string) => {
    setError(name, { type: "server", message }, { shouldFocus: !focused });
    focused = true;
  };

  for (const [key, message] of Object.entries(error.fields ?? {})) {
    if (known.has(key)) place(key as Path<T>, message);
    else leftovers.push(message);
  }

  const wait = retryAfter ? words.retryIn(retryAfter) : null;
  const codeField = opts.codeToField?.[error.code];
  if (codeField) {
    const text = [words.error(error.code, error.error), wait].filter(Boolean).join(" ");
    if (!error.fields?.[codeField]) place(codeField, text);
    return leftovers.length ? leftovers.join(" ") : null;
  }
  return [words.error(error.code, error.error), wait, ...leftovers].filter(Boolean).join(" ");
}
