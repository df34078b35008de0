/** A message that names a catalogue entry (`validation.email.invalid`, `errors.NOT_FOUND`) rather than words (docs/I18N.md "API errors"). */
export const isMessageKey = (text: string) => /^(validation|errors)\.[A-Za-z0-9_.]+$/.test(text);
