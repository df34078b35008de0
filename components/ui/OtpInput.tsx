"use client";

import type { ClipboardEvent, ComponentProps, ReactNode } from "react";
import { asciiDigits } from "@/lib/i18n/locale";
import { FieldFrame, useFieldIds } from "./FieldFrame";
import { inputClass } from "./styles";

type Props = Omit<ComponentProps<"input">, "value" | "onChange" | "type"> & {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
};

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits count as the digits they are (an Arabic keyboard types them). */
const digitsOnly = (s: string) => asciiDigits(s).replace(/\D/g, "").slice(0, 6);

/**
 * One input for the whole 6-digit code (not six boxes): the OS can autofill it from the email
 * (autocomplete="one-time-code"), phones show the number pad, and a paste such as "123 456" or
 * "Your code: 123456" keeps just the digits. maxLength would cut a pasted "123 456" before we
 * see it, so paste is handled here. The digits run left to right in both languages (dir="ltr"),
 * as a code is read and copied.
 */
export function OtpInput({ label, value, onChange, error, hint, id, ...input }: Props) {
  const ids = useFieldIds(input.name, id, hint, error);

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData("text");
    if (!pasted) return;
    e.preventDefault();
    const el = e.currentTarget;
    const start = el.selectionStart ?? value.length;
    const end = el.selectionEnd ?? value.length;
    const merged = digitsOnly(pasted).length >= 6 ? digitsOnly(pasted) : digitsOnly(value.slice(0, start) + pasted + value.slice(end));
    onChange(merged);
  };

  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <input
        id={ids.inputId}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        spellCheck={false}
        autoCorrect="off"
        dir="ltr"
        value={value}
        onChange={(e) => onChange(digitsOnly(e.target.value))}
        onPaste={onPaste}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={`${inputClass} max-w-56 font-mono text-2xl tracking-[0.4em]`}
        {...input}
      />
    </FieldFrame>
  );
}
