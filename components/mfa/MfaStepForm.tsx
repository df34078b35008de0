"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { CodeField } from "@/components/ui/CodeField";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { linkClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { RecoveryCodeOnlySchema, TotpCodeSchema } from "@/lib/validation/mfa";

type Props = { mfaToken: string; next: string; onRestart: () => void; passkey?: ReactNode };

/**
 * The second step of sign-in (docs/MFA.md "Sign-in"): a code from the authenticator app, or a
 * recovery code. An expired or used mfaToken sends the person back to the password step.
 */
export function MfaStepForm({ mfaToken, next, onRestart, passkey }: Props) {
  const s = useTranslations("mfa.step");
  const [mode, setMode] = useState<"code" | "recovery">("code");
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{s("title")}</h2>
      {mode === "code" ? <CodeStep mfaToken={mfaToken} next={next} onRestart={onRestart} /> : <RecoveryStep mfaToken={mfaToken} next={next} onRestart={onRestart} />}
      <button type="button" className={`${linkClass} min-h-11 text-start`} onClick={() => setMode(mode === "code" ? "recovery" : "code")}>
        {mode === "code" ? s("useRecovery") : s("useCode")}
      </button>
      {passkey}
    </div>
  );
}

function Expired({ code, onRestart }: { code: string | null; onRestart: () => void }) {
  const s = useTranslations("mfa.step");
  if (code !== "MFA_TOKEN_INVALID") return null;
  return (
    <button type="button" className={`${linkClass} min-h-11 text-start`} onClick={onRestart}>
      {s("restart")}
    </button>
  );
}

function CodeStep({ mfaToken, next, onRestart }: Omit<Props, "passkey">) {
  const s = useTranslations("mfa.step");
  const go = useAuthNavigation();
  const f = useApiForm(TotpCodeSchema, {
    endpoint: "/api/auth/mfa/verify",
    defaultValues: { code: "" },
    body: (v) => ({ mfaToken, ...v }),
    codeToField: { INVALID_MFA_CODE: "code" },
    leavesPage: true,
    onSuccess: () => go(next),
  });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={s("title")}>
      <p className="text-slate-700">{s("intro")}</p>
      <FormError message={f.banner}>
        <Expired code={f.errorCode} onRestart={onRestart} />
      </FormError>
      <CodeField control={f.control} name="code" label={s("code")} hint={s("codeHint")} error={f.errors.code?.message} />
      <SubmitButton pending={f.pending}>{s("submit")}</SubmitButton>
    </form>
  );
}

function RecoveryStep({ mfaToken, next, onRestart }: Omit<Props, "passkey">) {
  const s = useTranslations("mfa.step");
  const go = useAuthNavigation();
  const f = useApiForm(RecoveryCodeOnlySchema, {
    endpoint: "/api/auth/mfa/verify",
    defaultValues: { recoveryCode: "" },
    body: (v) => ({ mfaToken, ...v }),
    codeToField: { INVALID_MFA_CODE: "recoveryCode" },
    leavesPage: true,
    onSuccess: () => go(next),
  });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={s("recoveryCode")}>
      <p className="text-slate-700">{s("introRecovery")}</p>
      <FormError message={f.banner}>
        <Expired code={f.errorCode} onRestart={onRestart} />
      </FormError>
      <TextField
        label={s("recoveryCode")}
        hint={s("recoveryHint")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        error={f.errors.recoveryCode?.message}
        {...f.register("recoveryCode")}
      />
      <SubmitButton pending={f.pending}>{s("submit")}</SubmitButton>
    </form>
  );
}
