import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { primaryButtonClass } from "./styles";

/** The form's submit button: disabled with a trailing "…" while the request is in flight. */
export function SubmitButton({ pending, children, className }: { pending: boolean; children: ReactNode; className?: string }) {
  const t = useTranslations("ui");
  return (
    <button type="submit" disabled={pending} aria-busy={pending || undefined} className={`${primaryButtonClass} w-full ${className ?? ""}`}>
      {children}
      {pending ? t("submitting") : null}
    </button>
  );
}
