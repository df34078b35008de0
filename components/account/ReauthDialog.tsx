"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { MfaStatus } from "@/components/mfa/types";
import { CodeField } from "@/components/ui/CodeField";
import { FormError } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { linkClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch, setProofPrompt } from "@/lib/client/api";
import { useApiForm } from "@/lib/client/use-api-form";
import { useErrorText } from "@/lib/i18n/hooks";
import { type ReauthInput, ReauthSchema } from "@/lib/validation/mfa";
import { Skeleton } from "./Skeleton";

type AssertionOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];

/**
 * Asks for a recent proof in place (docs/MFA.md "Recent proof"). Mounted once on the account pages:
 * when any call there answers 403 REAUTH_REQUIRED, this dialog opens over the page, takes the
 * password (and, on an account with a second factor, a code, a recovery code or a passkey), and
 * the refused call is made again — the person's click carries on without starting over.
 */
export function ReauthDialog({ email }: { email: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<{ promise: Promise<boolean>; resolve: (ok: boolean) => void } | null>(null);
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [open, setOpen] = useState(false);

  const finish = useCallback((ok: boolean) => {
    dialog.current?.close();
    setOpen(false);
    pending.current?.resolve(ok);
    pending.current = null;
  }, []);

  useEffect(
    () =>
      setProofPrompt(() => {
        if (pending.current) return pending.current.promise;
        let resolve!: (ok: boolean) => void;
        const promise = new Promise<boolean>((r) => (resolve = r));
        pending.current = { promise, resolve };
        setStatus(null);
        setOpen(true);
        dialog.current?.showModal();
        void apiFetch<MfaStatus>("/api/auth/mfa").then((res) => setStatus(res.ok ? res.data : null));
        return promise;
      }),
    [],
  );

  return (
    <dialog
      ref={dialog}
      aria-labelledby="reauth-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/60"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      {open ? <ProofForm email={email} status={status} onDone={() => finish(true)} onCancel={() => finish(false)} /> : null}
    </dialog>
  );
}

function ProofForm({ email, status, onDone, onCancel }: { email: string; status: MfaStatus | null; onDone: () => void; onCancel: () => void }) {
  const r = useTranslations("mfa.reauth");
  const s = useTranslations("mfa.step");
  const errorText = useErrorText();
  const [useRecovery, setUseRecovery] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const needsFactor = Boolean(status?.enabled);
  const f = useApiForm<ReauthInput, z.output<typeof ReauthSchema>, unknown>(ReauthSchema, {
    endpoint: "/api/auth/reauth",
    defaultValues: { password: "", code: undefined, recoveryCode: undefined },
    fields: ["password", "code", "recoveryCode"],
    codeToField: { WRONG_PASSWORD: "password", INVALID_MFA_CODE: useRecovery ? "recoveryCode" : "code" },
    beforeSend: (v) => (needsFactor && v.code === undefined && v.recoveryCode === undefined ? { code: "VALIDATION_FAILED", message: r("factorNeeded") } : undefined),
    onSuccess: onDone,
  });

  const withPasskey = async () => {
    setPasskeyError(null);
    if (!(await f.form.trigger("password"))) return;
    setPasskeyBusy(true);
    try {
      const start = await apiFetch<{ challengeId: string; options: AssertionOptions }>("/api/auth/reauth/passkey/options", { method: "POST" });
      if (!start.ok) return setPasskeyError(errorText(start.error.code, start.error.error));
      let response;
      try {
        response = await startAuthentication({ optionsJSON: start.data.options });
      } catch {
        return setPasskeyError(r("passkeyFailed"));
      }
      const password = f.form.getValues("password");
      const res = await apiFetch("/api/auth/reauth", { method: "POST", body: { password, passkey: { challengeId: start.data.challengeId, response } } });
      if (res.ok) return onDone();
      if (res.error.code === "WRONG_PASSWORD") f.form.setError("password", { message: errorText(res.error.code, res.error.error) });
      else setPasskeyError(errorText(res.error.code, res.error.error));
    } finally {
      setPasskeyBusy(false);
    }
  };

  const toggle = () => {
    f.form.setValue(useRecovery ? "recoveryCode" : "code", undefined);
    setUseRecovery(!useRecovery);
  };

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4 p-4 sm:p-6">
      <h2 id="reauth-title" className="text-lg font-semibold">
        {r("title")}
      </h2>
      <p className="text-sm text-slate-700">{needsFactor ? r("introFactor") : r("intro")}</p>
      <FormError message={f.banner ?? passkeyError} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField autoFocus error={f.errors.password?.message} {...f.register("password")} />
      {status === null ? <Skeleton label={r("loading")} rows={1} /> : null}
      {needsFactor && (status?.totp || useRecovery) ? (
        useRecovery ? (
          <TextField label={s("recoveryCode")} hint={s("recoveryHint")} autoCapitalize="none" spellCheck={false} dir="ltr" error={f.errors.recoveryCode?.message} {...f.register("recoveryCode")} />
        ) : (
          <CodeField control={f.control} name="code" label={s("code")} hint={s("codeHint")} error={f.errors.code?.message} />
        )
      ) : null}
      {needsFactor && status?.totp ? (
        <button type="button" className={`${linkClass} min-h-11 self-start`} onClick={toggle}>
          {useRecovery ? s("useCode") : s("useRecovery")}
        </button>
      ) : needsFactor && !useRecovery ? (
        <button type="button" className={`${linkClass} min-h-11 self-start`} onClick={toggle}>
          {s("useRecovery")}
        </button>
      ) : null}
      {needsFactor && status && status.passkeys > 0 ? (
        <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => void withPasskey()} disabled={passkeyBusy} aria-busy={passkeyBusy || undefined}>
          {r("usePasskey")}
        </button>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">
          {r("submit")}
        </SubmitButton>
        <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={onCancel}>
          {r("cancel")}
        </button>
      </div>
    </form>
  );
}
