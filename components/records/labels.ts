import { useTranslations } from "next-intl";
import { RECORD_CATEGORIES } from "@/lib/validation/record-categories";

/**
 * A record's category and file type in the reader's language, from the records catalogue. An
 * unknown value (a category added on the server before the catalogue knows it) shows as it is.
 */
export function useRecordLabels() {
  const t = useTranslations("records");
  const category = (c: string) => (t.has(`categories.${c}`) ? t(`categories.${c}`) : c);
  return {
    category,
    type: (contentType: string) => (t.has(`types.${contentType}`) ? t(`types.${contentType}`) : contentType),
    categoryOptions: RECORD_CATEGORIES.map((c) => ({ value: c, label: category(c) })),
  };
}
