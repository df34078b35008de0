"use client";

import { NewPasswordFields } from "@/components/ui/NewPasswordFields";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { en } from "@/lib/i18n";
import { ChangePasswordSchema } from "@/lib/validation/auth";
import { SESSIONS_CHANGED } from "./SessionsList";

type Input = z.input<typeof ChangePasswordSchema>;
type Output = z.output<typeof ChangePasswordSchema>;
const p = en.account.password;

/** On success the API ends every other session and replaces this one (new cookie in the response). */
export function ChangePasswordForm({ email }: { email: string }) {
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const newPassword = useWatch({ control, name: "newPassword" });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    setDone(false);
    const res = await apiFetch("/api/auth/change-password", { method: "POST", body: values });
    if (res.ok) {
      reset();
      setDone(true);
      window.dispatchEvent(new Event(SESSIONS_CHANGED));
      return;
    }
    setBanner(
      applyApiError(res, setError, {
        fields: ["currentPassword", "newPassword", "confirmPassword"],
        codeToField: { WRONG_PASSWORD: "currentPassword", PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "newPassword" },
      }),
    );
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={p.title}>
      <FormError message={banner} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordInput
        label={en.fields.currentPassword}
        autoComplete="current-password"
        toggleLabel={p.showCurrent}
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <NewPasswordFields password={register("newPassword")} confirm={register("confirmPassword")} value={newPassword} errors={{ password: errors.newPassword?.message, confirm: errors.confirmPassword?.message }} userInputs={[email]} />
      <SubmitButton pending={isSubmitting}>{p.submit}</SubmitButton>
      <FormSuccess message={done ? p.done : null} />
    </form>
  );
}
