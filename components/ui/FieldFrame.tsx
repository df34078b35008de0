import { type ReactNode, useId } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "./FieldError";

/** Ids that tie an input to its label, hint and error (aria-describedby lists what is shown). */
export function useFieldIds(name: string, id: string | undefined, hint: ReactNode, error: string | undefined) {
  const autoId = useId();
  const inputId = id ?? `${name}-${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { inputId, hintId, errorId, describedBy, invalid: error ? true : undefined };
}

type FrameProps = {
  ids: ReturnType<typeof useFieldIds>;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  error?: string;
  /** The input itself, then anything shown under it (e.g. the strength meter). */
  children: ReactNode;
};

/** The visible label, hint and error every input of ours has (docs/RULES.md "Pages"), in one place. */
export function FieldFrame({ ids, label, optional, hint, error, children }: FrameProps) {
  const t = useTranslations("ui");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={ids.inputId} className="font-medium">
        {label}
        {optional ? <span className="font-normal text-slate-600"> ({t("optional")})</span> : null}
      </label>
      {hint ? (
        <p id={ids.hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={ids.errorId} message={error} />
    </div>
  );
}
