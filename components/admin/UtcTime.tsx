import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { isoOf } from "./format";

/**
 * A date on an admin page, rendered on the server: in UTC and labelled so, since the server does not
 * know the admin's time zone and the audit filters are whole UTC days too (docs/I18N.md "Dates and numbers").
 */
export function UtcTime({ value, className }: { value: string | Date | null | undefined; className?: string }) {
  const t = useTranslations("admin");
  const { date } = useFormat();
  if (!value) return null;
  return (
    <time dateTime={isoOf(value)} className={className}>
      {t("utc", { when: date(value, { timeZone: "UTC" }) })}
    </time>
  );
}
