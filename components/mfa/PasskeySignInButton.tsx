"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useErrorText } from "@/lib/i18n/hooks";

type Options = Parameters<typeof startAuthentication>[0]["optionsJSON"];

/**
 * Signs in with a passkey: passwordless (no mfaToken: any discoverable passkey of this site), or as
 * the second step of a password sign-in (with the mfaToken: only that account's passkeys).
 */
export function PasskeySignInButton({ next, mfaToken, label }: { next: string; mfaToken?: string; label: string }) {
  const k = useTranslations("mfa.passkeys");
  const errorText = useErrorText();
  const go = useAuthNavigation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    setBusy(true);
    let leaving = false;
    try {
      type Start = { options: Options; challengeId?: string };
      const start = mfaToken
        ? await apiFetch<Start>("/api/auth/mfa/passkey/options", { method: "POST", body: { mfaToken } })
        : await apiFetch<Start>("/api/auth/passkey/options", { method: "POST" });
      if (!start.ok) return setError(errorText(start.error.code, start.error.error));
      let response;
      try {
        response = await startAuthentication({ optionsJSON: start.data.options });
      } catch {
        return setError(k("signInFailed"));
      }
      const done = mfaToken
        ? await apiFetch("/api/auth/mfa/verify", { method: "POST", body: { mfaToken, passkey: response } })
        : await apiFetch("/api/auth/passkey/login", { method: "POST", body: { challengeId: start.data.challengeId, response } });
      if (!done.ok) return setError(done.error.code === "PASSKEY_FAILED" ? k("signInFailed") : errorText(done.error.code, done.error.error));
      leaving = true;
      go(next);
    } finally {
      if (!leaving) setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      <button type="button" className={`${secondaryButtonClass} w-full`} onClick={run} disabled={busy} aria-busy={busy || undefined}>
        {label}
      </button>
    </div>
  );
}
