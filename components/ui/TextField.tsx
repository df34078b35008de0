import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { asciiDigits } from "@/lib/i18n/locale";
import { FieldFrame, useFieldIds } from "./FieldFrame";
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
  const ids = useFieldIds(input.name, id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} optional={optional} hint={hint} error={error}>
      <input
        id={ids.inputId}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={`${inputClass} ${className ?? ""}`}
        {...input}
      />
    </FieldFrame>
  );
}

type EmailProps = Omit<Props, "type" | "inputMode" | "autoCapitalize" | "spellCheck" | "label"> & {
  label?: string;
  autoComplete?: "email" | "username";
};

/** An email input with the phone-friendly settings every email field wants. */
export function EmailField({ label, autoComplete = "email", ...props }: EmailProps) {
  const t = useTranslations("fields");
  return (
    <TextField label={label ?? t("email")} dir="ltr" type="email" inputMode="email" autoComplete={autoComplete} autoCapitalize="none" spellCheck={false} {...props} />
  );
}

type PhoneProps = Omit<Props, "type" | "inputMode" | "autoComplete" | "label" | "optional" | "hint">;

/**
 * The optional phone input (E.164-ish), with the number pad on phones and an example as its hint.
 * Left to right in both languages (a number reads the same way in Arabic), and Arabic-Indic or
 * Persian digits, typed or pasted, become ASCII as they arrive, so what the person sees is what
 * is validated and sent (the schema normalises them too, for other clients).
 */
export function PhoneField({ onChange, ...props }: PhoneProps) {
  const t = useTranslations("fields");
  return (
    <TextField
      label={t("phone")}
      optional
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      dir="ltr"
      hint={t.rich("phoneHint", { bdi: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
      onChange={(e) => {
        const ascii = asciiDigits(e.target.value);
        if (ascii !== e.target.value) e.target.value = ascii;
        return onChange?.(e);
      }}
      {...props}
    />
  );
}
