"use client";

import { NewPasswordFields } from "@/components/ui/NewPasswordFields";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useApiForm } from "@/lib/client/use-api-form";
import { ChangePasswordSchema } from "@/lib/validation/auth";
import { SESSIONS_CHANGED } from "./SessionsList";

/** On success the API ends every other session and replaces this one (new cookie in the response). */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account.password");
  const f = useApiForm(ChangePasswordSchema, {
    endpoint: "/api/auth/change-password",
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    codeToField: { WRONG_PASSWORD: "currentPassword", PASSWORD_MISMATCH: "confirmPassword", WEAK_PASSWORD: "newPassword" },
    successMessage: t("done"),
    onSuccess: (_, __, form) => {
      form.reset();
      window.dispatchEvent(new Event(SESSIONS_CHANGED));
    },
  });
  const newPassword = useWatch({ control: f.control, name: "newPassword" });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField toggleLabel={t("showCurrent")} error={f.errors.currentPassword?.message} {...f.register("currentPassword")} />
      <NewPasswordFields password={f.register("newPassword")} confirm={f.register("confirmPassword")} value={newPassword} errors={{ password: f.errors.newPassword?.message, confirm: f.errors.confirmPassword?.message }} userInputs={[email]} />
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
      <FormSuccess message={f.successMessage} />
    </form>
  );
}
