"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { SESSIONS_CHANGED } from "@/components/account/SessionsList";
import { Skeleton } from "@/components/account/Skeleton";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { primaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import { PasskeyItem, type Passkey } from "./PasskeyItem";
import { RecoveryCodes } from "./RecoveryCodes";

/** The passkeys of /account/two-step: list, add (browser prompt), rename, remove. */
export function PasskeysBlock({ email, initial, onChange }: { email: string; initial?: Passkey[]; onChange?: () => void }) {
  const k = useTranslations("mfa.passkeys");
  const errorText = useErrorText();
  const [keys, setKeys] = useState<Passkey[] | null>(initial ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const load = useCallback(async () => {
    const res = await apiFetch<{ passkeys: Passkey[] }>("/api/auth/passkeys");
    if (res.ok) setKeys(res.data.passkeys);
  }, []);
  const hasInitial = Boolean(initial);
  useEffect(() => {
    const reload = () => void load();
    if (!hasInitial) reload();
  }, [load, hasInitial]);

  const changed = (message: string) => {
    setNotice(message);
    setError(null);
    void load();
    onChange?.();
  };

  const add = async () => {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const start = await apiFetch<{ challengeId: string; options: Parameters<typeof startRegistration>[0]["optionsJSON"] }>("/api/auth/passkeys/options", { method: "POST" });
      if (!start.ok) return setError(errorText(start.error.code, start.error.error));
      let response;
      try {
        response = await startRegistration({ optionsJSON: start.data.options });
      } catch {
        return setError(k("failed"));
      }
      const saved = await apiFetch<{ recoveryCodes?: string[] }>("/api/auth/passkeys", { method: "POST", body: { challengeId: start.data.challengeId, response } });
      if (!saved.ok) return setError(errorText(saved.error.code, saved.error.error));
      if (saved.data.recoveryCodes) setCodes(saved.data.recoveryCodes);
      changed(k("added"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-4" data-testid="passkeys-block">
      <h2 className="text-lg font-semibold">{k("title")}</h2>
      <p className="text-sm text-slate-700">{k("intro")}</p>
      <FormError message={error} />
      <FormSuccess message={notice} />
      {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
      {keys === null ? (
        <Skeleton label={k("title")} rows={1} />
      ) : keys.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-700">{k("none")}</p>
      ) : (
        <ul aria-label={k("list")} className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
          {keys.map((key) => (
            <PasskeyItem
              key={key.id}
              passkey={key}
              email={email}
              onRenamed={() => changed(k("renamed"))}
              onRemoved={() => {
                window.dispatchEvent(new Event(SESSIONS_CHANGED));
                changed(k("removed"));
              }}
            />
          ))}
        </ul>
      )}
      <button type="button" className={`${primaryButtonClass} self-start`} onClick={add} disabled={busy} aria-busy={busy || undefined}>
        {busy ? k("adding") : k("add")}
      </button>
    </div>
  );
}
