"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { applyApiError } from "@/lib/client/form-errors";
import { en, fmt } from "@/lib/i18n";
import { ChangeEmailRequestSchema, ChangeEmailVerifySchema } from "@/lib/validation/auth";

const m = en.account.email;

/** Two steps: new address + current password → a code to the new address → confirm the code. */
export function ChangeEmailForm({ email }: { email: string }) {
  const [current, setCurrent] = useState(email);
  const [pending, setPending] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const router = useRouter();

  return (
    <div className="flex flex-col gap-4">
      <p className="break-all text-sm" data-testid="current-email">
        {fmt(m.current, { email: current })}
      </p>
      <FormSuccess message={changed ? fmt(m.done, { email: current }) : null} />
      {pending ? (
        <VerifyStep
          pendingEmail={pending}
          onBack={() => setPending(null)}
          onDone={(newEmail) => {
            setCurrent(newEmail);
            setPending(null);
            setChanged(true);
            router.refresh();
          }}
        />
      ) : (
        <RequestStep
          onSent={(to) => {
            setChanged(false);
            setPending(to);
          }}
        />
      )}
    </div>
  );
}

type ReqInput = z.input<typeof ChangeEmailRequestSchema>;
type ReqOutput = z.output<typeof ChangeEmailRequestSchema>;

function RequestStep({ onSent }: { onSent: (email: string) => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReqInput, unknown, ReqOutput>({
    resolver: zodResolver(ChangeEmailRequestSchema),
    defaultValues: { newEmail: "", currentPassword: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const res = await apiFetch("/api/auth/change-email/request", { method: "POST", body: values });
    if (res.ok) return onSent(values.newEmail);
    setBanner(
      applyApiError(res, setError, {
        fields: ["newEmail", "currentPassword"],
        codeToField: { WRONG_PASSWORD: "currentPassword", EMAIL_TAKEN: "newEmail" },
      }),
    );
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={m.title}>
      <FormError message={banner} />
      <EmailField label={en.fields.newEmail} error={errors.newEmail?.message} {...register("newEmail")} />
      <PasswordInput
        label={en.fields.currentPassword}
        autoComplete="current-password"
        toggleLabel={m.showCurrent}
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <SubmitButton pending={isSubmitting}>{m.submit}</SubmitButton>
    </form>
  );
}

type VerInput = z.input<typeof ChangeEmailVerifySchema>;
type VerOutput = z.output<typeof ChangeEmailVerifySchema>;

function VerifyStep({ pendingEmail, onBack, onDone }: { pendingEmail: string; onBack: () => void; onDone: (email: string) => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<VerInput, unknown, VerOutput>({ resolver: zodResolver(ChangeEmailVerifySchema), defaultValues: { code: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const res = await apiFetch<{ user?: { email?: string } }>("/api/auth/change-email/verify", { method: "POST", body: values });
    if (res.ok) return onDone(res.data.user?.email ?? pendingEmail);
    setBanner(
      applyApiError(res, setError, {
        fields: ["code"],
        codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code" },
      }),
    );
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={m.verify}>
      <FormSuccess message={fmt(m.codeSent, { email: pendingEmail })} />
      <FormError message={banner} />
      <CodeField control={control} name="code" error={errors.code?.message} />
      <SubmitButton pending={isSubmitting}>{m.verify}</SubmitButton>
      <button type="button" className={secondaryButtonClass} onClick={onBack}>
        {m.startOver}
      </button>
    </form>
  );
}
