"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { SESSIONS_CHANGED } from "@/components/account/SessionsList";
import { Skeleton } from "@/components/account/Skeleton";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import type { Passkey } from "./PasskeyItem";
import { PasskeysBlock } from "./PasskeysBlock";
import { RecoveryCodes } from "./RecoveryCodes";
import { PasswordAndFactorForm } from "./PasswordAndFactorForm";
import { TotpSetup } from "./TotpSetup";
import type { MfaStatus, TotpSetup as Setup } from "./types";

/**
 * The two-step sign-in section (and the set-up page): the authenticator app (set up, confirm,
 * recovery codes once, turn off), the recovery codes (how many are left, make new ones) and the
 * passkeys. The page hands over what it read on the server, so it arrives without a loading state.
 */
export function TwoStepSection({ email, initial }: { email: string; initial?: { status: MfaStatus; passkeys: Passkey[] } }) {
  const m = useTranslations("mfa");
  const errorText = useErrorText();
  const [status, setStatus] = useState<MfaStatus | null>(initial?.status ?? null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const load = useCallback(async () => {
    const res = await apiFetch<MfaStatus>("/api/auth/mfa");
    setLoadFailed(!res.ok);
    if (res.ok) setStatus(res.data);
  }, []);
  const hasInitial = Boolean(initial);
  useEffect(() => {
    const reload = () => void load();
    if (!hasInitial) reload();
  }, [load, hasInitial]);

  const start = async () => {
    setError(null);
    setNotice(null);
    setStarting(true);
    const res = await apiFetch<Setup>("/api/auth/mfa/totp/setup", { method: "POST" });
    setStarting(false);
    if (res.ok) setSetup(res.data);
    else setError(errorText(res.error.code, res.error.error));
  };

  if (loadFailed && !status) {
    return (
      <FormError message={m("loadFailed")}>
        <button type="button" className={secondaryButtonClass} onClick={() => void load()}>
          {m("retry")}
        </button>
      </FormError>
    );
  }
  if (!status) return <Skeleton label={m("loading")} rows={3} />;

  const disableTexts = { open: m("totp.turnOff"), confirm: m("totp.turnOffConfirm"), intro: m("totp.turnOffIntro"), submit: m("totp.turnOffSubmit") };
  const renewTexts = { open: m("recovery.renew"), confirm: m("recovery.renewConfirm"), intro: m("recovery.renewIntro"), submit: m("recovery.renewSubmit") };

  return (
    <div className="flex flex-col gap-6">
      {status.required ? <p className="text-sm font-semibold">{m("required")}</p> : null}
      <div className="flex flex-col gap-3" data-testid="totp-block">
        <h2 className="text-lg font-semibold">{m("totp.title")}</h2>
        <FormError message={error} />
        <FormSuccess message={notice} />
        {codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={() => {
              setCodes(null);
              void load();
            }}
          />
        ) : setup ? (
          <TotpSetup
            setup={setup}
            onConfirmed={(c) => {
              setSetup(null);
              setCodes(c);
              setNotice(m("totp.enabled"));
            }}
            onCancel={() => setSetup(null)}
          />
        ) : status.totp ? (
          <>
            <p data-testid="totp-status">{m("totp.on")}</p>
            <PasswordAndFactorForm
              email={email}
              endpoint="/api/auth/mfa/totp/disable"
              texts={disableTexts}
              danger
              onDone={() => {
                window.dispatchEvent(new Event(SESSIONS_CHANGED));
                setNotice(m("totp.turnedOff"));
                void load();
              }}
            />
          </>
        ) : (
          <>
            <p data-testid="totp-status">{m("totp.off")}</p>
            <button type="button" className={`${primaryButtonClass} self-start`} onClick={start} disabled={starting} aria-busy={starting || undefined}>
              {m("totp.start")}
            </button>
          </>
        )}
      </div>
      {status.enabled && !codes ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4" data-testid="recovery-block">
          <h2 className="text-lg font-semibold">{m("recovery.title")}</h2>
          <p data-testid="recovery-status">{m("recovery.left", { left: status.recoveryCodesLeft })}</p>
          {status.recoveryCodesLeft <= 3 ? <p className="text-sm font-semibold">{m("recovery.low")}</p> : null}
          <PasswordAndFactorForm<{ recoveryCodes: string[] }>
            email={email}
            endpoint="/api/auth/mfa/recovery-codes"
            texts={renewTexts}
            onDone={(data) => {
              setCodes(data.recoveryCodes);
              setNotice(m("recovery.renewed"));
            }}
          />
        </div>
      ) : null}
      <PasskeysBlock email={email} initial={initial?.passkeys} onChange={() => void load()} />
    </div>
  );
}
