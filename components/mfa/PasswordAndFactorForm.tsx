"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CodeField } from "@/components/ui/CodeField";
import { FormError } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { linkClass, secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { type TotpDisableInput, TotpDisableSchema } from "@/lib/validation/mfa";
import type { z } from "zod";

export type PasswordAndFactorTexts = { open: string; confirm: string; intro: string; submit: string };

/**
 * A change to the factors themselves (turning the app off, making new recovery codes) asks for the
 * password and a current code or a recovery code (docs/MFA.md). It takes two steps: the button only
 * reveals a form that says what will happen; Cancel closes it again.
 */
export function PasswordAndFactorForm<T>({
  email,
  endpoint,
  texts,
  danger = false,
  onDone,
}: {
  email: string;
  endpoint: string;
  texts: PasswordAndFactorTexts;
  danger?: boolean;
  onDone: (data: T) => void;
}) {
  const t = useTranslations("mfa.totp");
  const s = useTranslations("mfa.step");
  const [open, setOpen] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const f = useApiForm<TotpDisableInput, z.output<typeof TotpDisableSchema>, T>(TotpDisableSchema, {
    endpoint,
    defaultValues: { password: "", code: undefined, recoveryCode: undefined },
    fields: ["password", "code", "recoveryCode"],
    codeToField: { WRONG_PASSWORD: "password", INVALID_MFA_CODE: useRecovery ? "recoveryCode" : "code" },
    onSuccess: (data) => {
      setOpen(false);
      onDone(data);
    },
  });
  if (!open) {
    return (
      <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => setOpen(true)}>
        {texts.open}
      </button>
    );
  }
  const toggle = () => {
    f.form.setValue(useRecovery ? "recoveryCode" : "code", undefined);
    setUseRecovery(!useRecovery);
  };
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className={`flex flex-col gap-4 rounded-md border p-3 ${danger ? "border-red-200" : "border-slate-300"}`} aria-label={texts.open}>
      <p className="text-sm font-semibold">{texts.confirm}</p>
      <p className="text-sm">{texts.intro}</p>
      <FormError message={f.banner} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField error={f.errors.password?.message} {...f.register("password")} />
      {useRecovery ? (
        <TextField label={s("recoveryCode")} hint={s("recoveryHint")} autoCapitalize="none" spellCheck={false} dir="ltr" error={f.errors.recoveryCode?.message} {...f.register("recoveryCode")} />
      ) : (
        <CodeField control={f.control} name="code" label={s("code")} hint={s("codeHint")} error={f.errors.code?.message} />
      )}
      <button type="button" className={`${linkClass} min-h-11 self-start`} onClick={toggle}>
        {useRecovery ? t("useCodeInstead") : t("useRecoveryInstead")}
      </button>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">
          {texts.submit}
        </SubmitButton>
        <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
