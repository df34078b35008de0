"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { en } from "@/lib/i18n";
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
  return (
    <>
      <PasswordInput
        label={en.fields.newPassword}
        autoComplete="new-password"
        hint={en.fields.passwordHint}
        toggleLabel={en.account.password.showNew}
        error={errors.password}
        {...password}
      >
        <PasswordStrength password={typeof value === "string" ? value : ""} userInputs={userInputs} />
      </PasswordInput>
      <PasswordInput
        label={en.fields.confirmPassword}
        autoComplete="new-password"
        toggleLabel={en.account.password.showConfirm}
        error={errors.confirm}
        {...confirm}
      />
    </>
  );
}
