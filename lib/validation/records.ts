import { z } from "zod";
import { msg } from "./messages";
import { codePoints, hasLoneSurrogate, INVALID_TEXT_MESSAGE, trimmedText } from "./fields";

/**
 * Schemas and limits of health records and sharing, shared by the forms and the routes (browser-safe:
 * no server imports). The upload itself is multipart and parsed on the server; its text field
 * (`title`) is checked with the schema below.
 */

/** U+0000–U+001F and U+007F: refused in text fields (docs/RULES.md "Request bodies"). */
const CONTROL = /[\u0000-\u001f\u007f]/;
const noControl = (s: string) => !CONTROL.test(s);

// The catalogue's length.max200 says this number: change them together.
export const RECORD_TITLE_MAX = 200;

/** The `accept` attribute of the file picker: a hint only; the server decides from the bytes. */
export const RECORD_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** Empty or missing → the server uses the filename. */
export const RecordTitleSchema = z
  .string({ error: msg("records.title") })
  .refine(noControl, { error: msg("text.lineBreaks") })
  .refine((s) => !hasLoneSurrogate(s), { error: INVALID_TEXT_MESSAGE })
  .transform((s) => s.trim())
  .refine((s) => codePoints(s) <= RECORD_TITLE_MAX, { error: msg("length.max200") });

export const DoctorSearchSchema = z.object({
  q: z
    .string()
    .max(100, { error: msg("length.max100") })
    .refine(noControl, { error: msg("text.controlShort") })
    .transform((s) => s.trim())
    .default(""),
});

export const GrantSchema = z.object({
  // Any string: whatever is not an approved doctor's id is 404 DOCTOR_NOT_FOUND (docs/RULES.md).
  // Any clean string: an id that names no approved doctor is 404 DOCTOR_NOT_FOUND, as the rules say;
  // control characters and lone surrogates are refused like in every text field.
  doctorId: trimmedText(msg("records.doctor")).pipe(z.string().min(1, { error: msg("records.doctor") }).max(100, { error: msg("records.doctor") })),
  expiresAt: z
    .iso.datetime({ offset: true, error: msg("records.expiresAtFormat") })
    .refine((v) => Date.parse(v) > Date.now(), { error: msg("records.expiresAtFuture") })
    .nullable()
    .optional(),
});
export type GrantInput = z.input<typeof GrantSchema>;

/** "YYYY-MM-DD" of today where the browser (or server) is, the way a date input writes dates. */
export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** The sharing form: an optional last day; the form sends the end of that day as `expiresAt`. */
export const GrantFormSchema = z.object({
  until: z
    .string()
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), { error: msg("records.untilFormat") })
    .refine((v) => v === "" || v >= localToday(), { error: msg("records.untilPast") }),
});

/** The end of a local calendar day as an instant, or null for "no end". */
export const endOfLocalDay = (date: string) => (date ? new Date(`${date}T23:59:59.999`).toISOString() : null);
