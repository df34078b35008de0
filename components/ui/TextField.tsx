import type { ComponentProps, ReactNode } from "react";
import { en } from "@/lib/i18n";
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
export function EmailField({ label = en.fields.email, autoComplete = "email", ...props }: EmailProps) {
  return (
    <TextField label={label} type="email" inputMode="email" autoComplete={autoComplete} autoCapitalize="none" spellCheck={false} {...props} />
  );
}

type PhoneProps = Omit<Props, "type" | "inputMode" | "autoComplete" | "label" | "optional" | "hint">;

/** The optional phone input (E.164-ish), with the number pad on phones and an example as its hint. */
export function PhoneField(props: PhoneProps) {
  return <TextField label={en.fields.phone} optional type="tel" inputMode="tel" autoComplete="tel" hint={en.fields.phoneHint} {...props} />;
}
