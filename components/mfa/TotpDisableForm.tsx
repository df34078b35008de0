"use client";

import { useState } from "react";
import { SESSIONS_CHANGED } from "@/components/account/SessionsList";
import { CodeField } from "@/components/ui/CodeField";
import { FormError } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { linkClass, secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { en } from "@/lib/i18n";
import { TotpDisableSchema } from "@/lib/validation/mfa";

const t = en.mfa.totp;

/**
 * Turning the app off is destructive, so it takes two steps: the button only reveals a form that
 * says what will happen and asks for the password and a current code (docs/MFA.md "Turning off").
 */
export function TotpDisableForm({ email, onDone }: { email: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const f = useApiForm(TotpDisableSchema, {
    endpoint: "/api/auth/mfa/totp/disable",
    defaultValues: { password: "", code: undefined, recoveryCode: undefined },
    fields: ["password", "code", "recoveryCode"],
    codeToField: { WRONG_PASSWORD: "password", INVALID_MFA_CODE: useRecovery ? "recoveryCode" : "code" },
    onSuccess: () => {
      window.dispatchEvent(new Event(SESSIONS_CHANGED));
      onDone();
    },
  });
  if (!open) {
    return (
      <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => setOpen(true)}>
        {t.turnOff}
      </button>
    );
  }
  const toggle = () => {
    f.form.setValue(useRecovery ? "recoveryCode" : "code", undefined);
    setUseRecovery(!useRecovery);
  };
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4 rounded-md border border-red-200 p-3" aria-label={t.turnOff}>
      <p className="text-sm font-semibold">{t.turnOffConfirm}</p>
      <p className="text-sm">{t.turnOffIntro}</p>
      <FormError message={f.banner} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField error={f.errors.password?.message} {...f.register("password")} />
      {useRecovery ? (
        <TextField label={en.mfa.step.recoveryCode} hint={en.mfa.step.recoveryHint} autoCapitalize="none" spellCheck={false} dir="ltr" error={f.errors.recoveryCode?.message} {...f.register("recoveryCode")} />
      ) : (
        <CodeField control={f.control} name="code" label={en.mfa.step.code} hint={en.mfa.step.codeHint} error={f.errors.code?.message} />
      )}
      <button type="button" className={`${linkClass} min-h-11 self-start`} onClick={toggle}>
        {useRecovery ? t.useCodeInstead : t.useRecoveryInstead}
      </button>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">
          {t.turnOffSubmit}
        </SubmitButton>
        <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
