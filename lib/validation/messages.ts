import type { validation } from "@/lib/i18n/en/validation";

/**
 * The message of a broken rule is a catalogue key, never words (docs/I18N.md "API errors"): the API
 * answer and the field beside an input turn it into the reader's language. `msg("email.invalid")`
 * is "validation.email.invalid", and a key the English catalogue lacks does not compile.
 */
type Keys<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`> }[keyof T & string];
export type ValidationKey = Keys<typeof validation, "">;
export type ValidationMessage = `validation.${ValidationKey}`;

export const msg = <K extends ValidationKey>(key: K): `validation.${K}` => `validation.${key}`;
