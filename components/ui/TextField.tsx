import { type ComponentProps, type ReactNode, useId } from "react";
import { en } from "@/lib/i18n";
import { FieldError } from "./FieldError";
import { inputClass } from "./styles";

type Props = ComponentProps<"input"> & {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
};

/** Visible label + input + its hint and error, wired with aria-invalid and aria-describedby. */
export function TextField({ label, error, hint, optional, id, className, ...input }: Props) {
  const autoId = useId();
  const inputId = id ?? `${input.name}-${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="font-medium">
        {label}
        {optional ? <span className="font-normal text-slate-600"> ({en.ui.optional})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} ${className ?? ""}`}
        {...input}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
