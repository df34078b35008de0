"use client";

import { type Control, Controller, type FieldPath, type FieldValues } from "react-hook-form";
import { useTranslations } from "next-intl";
import { OtpInput } from "./OtpInput";

/** The 6-digit code input wired to a react-hook-form field (every code form has one). */
export function CodeField<T extends FieldValues>({
  control,
  name,
  error,
  label,
  hint,
}: {
  control: Control<T, unknown, FieldValues>;
  name: FieldPath<T>;
  error?: string;
  /** An authenticator-app code says where its digits come from. */
  label?: string;
  hint?: string;
}) {
  const t = useTranslations("fields");
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <OtpInput label={label ?? t("code")} hint={hint ?? t("codeHint")} error={error} {...field} value={String(field.value ?? "")} />
      )}
    />
  );
}
