"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { PasswordInput } from "./PasswordInput";
import { PasswordStrength } from "./PasswordStrength";

type Props = {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  /** The current value of the new password, for the strength meter. */
  value: unknown;
  errors: { password?: string; confirm?: string };
  /** Words the meter should treat as guessable (the account's email). */
  userInputs?: string[];
};

/** "New password" with its strength meter, then "Confirm new password" (reset and change forms). */
export function NewPasswordFields({ password, confirm, value, errors, userInputs = [] }: Props) {
  const t = useTranslations();
  return (
    <>
      <PasswordInput
        label={t("fields.newPassword")}
        autoComplete="new-password"
        hint={t("fields.passwordHint")}
        toggleLabel={t("account.password.showNew")}
        error={errors.password}
        {...password}
      >
        <PasswordStrength password={typeof value === "string" ? value : ""} userInputs={userInputs} />
      </PasswordInput>
      <PasswordInput
        label={t("fields.confirmPassword")}
        autoComplete="new-password"
        toggleLabel={t("account.password.showConfirm")}
        error={errors.confirm}
        {...confirm}
      />
    </>
  );
}
