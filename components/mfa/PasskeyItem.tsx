"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { FormError } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextField } from "@/components/ui/TextField";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { useFormat } from "@/lib/i18n/hooks";
import { PasskeyRemoveSchema, PasskeyRenameSchema } from "@/lib/validation/mfa";
import type { PasskeySchema } from "@/lib/validation/mfa-responses";

/** As GET /api/auth/passkeys lists it (the contract's schema). */
export type Passkey = z.infer<typeof PasskeySchema>;

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

/** One passkey: its name and dates, rename in place, and removal behind a password confirmation. */
export function PasskeyItem({ passkey, email, onRenamed, onRemoved }: { passkey: Passkey; email: string; onRenamed: () => void; onRemoved: () => void }) {
  const k = useTranslations("mfa.passkeys");
  const format = useFormat();
  // UTC, like every date the server renders (docs/I18N.md "Dates and numbers").
  const day = (iso: string) => format.date(iso, { withTime: false, timeZone: "UTC" });
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  return (
    <li className="flex flex-col gap-2 p-3" data-testid="passkey-item">
      <p className="font-semibold break-words">
        <bdi>{passkey.name}</bdi>
      </p>
      <p className="text-sm text-slate-700">
        {passkey.lastUsedAt ? k("dates", { added: day(passkey.createdAt), used: day(passkey.lastUsedAt) }) : k("datesNeverUsed", { added: day(passkey.createdAt) })}
      </p>
      {mode === "view" ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButtonClass} aria-label={k("renameNamed", { name: passkey.name })} onClick={() => setMode("rename")}>
            {k("rename")}
          </button>
          <button type="button" className={dangerButtonClass} aria-label={k("removeNamed", { name: passkey.name })} onClick={() => setMode("remove")}>
            {k("remove")}
          </button>
        </div>
      ) : mode === "rename" ? (
        <RenameForm passkey={passkey} onDone={() => { setMode("view"); onRenamed(); }} onCancel={() => setMode("view")} />
      ) : (
        <RemoveForm passkey={passkey} email={email} onDone={onRemoved} onCancel={() => setMode("view")} />
      )}
    </li>
  );
}

function RenameForm({ passkey, onDone, onCancel }: { passkey: Passkey; onDone: () => void; onCancel: () => void }) {
  const k = useTranslations("mfa.passkeys");
  const f = useApiForm(PasskeyRenameSchema, {
    endpoint: `/api/auth/passkeys/${encodeURIComponent(passkey.id)}`,
    method: "PATCH",
    defaultValues: { name: passkey.name },
    onSuccess: onDone,
  });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-3" aria-label={k("renameNamed", { name: passkey.name })}>
      <FormError message={f.banner} />
      <TextField label={k("nameLabel")} autoComplete="off" error={f.errors.name?.message} {...f.register("name")} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">{k("save")}</SubmitButton>
        <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={onCancel}>{k("cancel")}</button>
      </div>
    </form>
  );
}

function RemoveForm({ passkey, email, onDone, onCancel }: { passkey: Passkey; email: string; onDone: () => void; onCancel: () => void }) {
  const k = useTranslations("mfa.passkeys");
  const f = useApiForm(PasskeyRemoveSchema, {
    endpoint: `/api/auth/passkeys/${encodeURIComponent(passkey.id)}`,
    method: "DELETE",
    defaultValues: { password: "" },
    codeToField: { WRONG_PASSWORD: "password" },
    onSuccess: onDone,
  });
  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-3 rounded-md border border-red-200 p-3" aria-label={k("removeNamed", { name: passkey.name })}>
      <p className="text-sm font-semibold">{k.rich("removeConfirm", { name: passkey.name, bdi })}</p>
      <FormError message={f.banner} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField error={f.errors.password?.message} {...f.register("password")} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={f.pending} className="sm:w-auto">{k("removeSubmit")}</SubmitButton>
        <button type="button" className={`${secondaryButtonClass} w-full sm:w-auto`} onClick={onCancel}>{k("cancel")}</button>
      </div>
    </form>
  );
}
