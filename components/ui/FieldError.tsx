import { useTranslations } from "next-intl";
import { isMessageKey } from "@/lib/i18n/message-key";

/**
 * The message beside one input. Always rendered (empty when there is no error) so that its live
 * region exists before the text arrives and screen readers announce it. A rule's message from a
 * shared schema is a catalogue key (lib/validation/messages.ts) and is shown in the reader's
 * language; the server's field messages arrive already in it.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations();
  const text = message && isMessageKey(message) && t.has(message as never) ? t(message as never) : message;
  return (
    <p id={id} aria-live="polite" className="text-sm font-medium text-red-800 empty:hidden">
      {text ?? ""}
    </p>
  );
}
