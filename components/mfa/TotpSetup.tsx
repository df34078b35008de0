"use client";

import { useTranslations } from "next-intl";
import { CodeField } from "@/components/ui/CodeField";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { TotpCodeSchema } from "@/lib/validation/mfa";
import type { TotpSetup as Setup } from "./types";

/** The QR code (drawn by the server, no third party), the key as text, and the first-code confirmation. */
export function TotpSetup({ setup, onConfirmed, onCancel }: { setup: Setup; onConfirmed: (codes: string[] | null) => void; onCancel: () => void }) {
  const t = useTranslations("mfa.totp");
  const step = useTranslations("mfa.step");
  const f = useApiForm<{ code: string }, { code: string }, { recoveryCodes?: string[] }>(TotpCodeSchema, {
    endpoint: "/api/auth/mfa/totp/confirm",
    defaultValues: { code: "" },
    codeToField: { INVALID_MFA_CODE: "code" },
    // An account that already had recovery codes keeps them: none come back (docs/MFA.md "Recovery codes").
    onSuccess: (data) => onConfirmed(data.recoveryCodes ?? null),
  });
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by our server; next/image adds nothing here */}
      <img src={setup.qrCode} alt={t("qrAlt")} width={200} height={200} className="h-[200px] w-[200px] self-start border border-slate-200 bg-white" />
      <p className="text-sm">{t("manual")}</p>
      <p className="text-sm">
        <span className="sr-only">{t("secretLabel")}: </span>
        <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-base" dir="ltr" data-testid="totp-secret">
          {setup.secret}
        </code>
      </p>
      <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("start")}>
        <FormError message={f.banner} />
        <CodeField control={f.control} name="code" label={step("code")} hint={t("confirmHint")} error={f.errors.code?.message} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={f.pending} className="sm:w-auto">
            {t("confirm")}
          </SubmitButton>
          <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}
