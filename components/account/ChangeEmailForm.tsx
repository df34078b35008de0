"use client";

import { EmailField } from "@/components/ui/TextField";
import { CodeField } from "@/components/ui/CodeField";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { CurrentPasswordField } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useApiForm } from "@/lib/client/use-api-form";
import { ChangeEmailRequestSchema, ChangeEmailVerifySchema } from "@/lib/validation/auth";

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

/** Two steps: new address + current password → a code to the new address → confirm the code. */
export function ChangeEmailForm({ email }: { email: string }) {
  const t = useTranslations("account.email");
  const [current, setCurrent] = useState(email);
  const [pending, setPending] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const router = useRouter();

  return (
    <div className="flex flex-col gap-4">
      <p className="break-all text-sm" data-testid="current-email">
        {t.rich("current", { email: current, bdi })}
      </p>
      {changed ? (
        <FormSuccess>
          <p>{t.rich("done", { email: current, bdi })}</p>
        </FormSuccess>
      ) : null}
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

function RequestStep({ onSent }: { onSent: (email: string) => void }) {
  const t = useTranslations("account.email");
  const fields = useTranslations("fields");
  const f = useApiForm(ChangeEmailRequestSchema, {
    endpoint: "/api/auth/change-email/request",
    defaultValues: { newEmail: "", currentPassword: "" },
    codeToField: { WRONG_PASSWORD: "currentPassword", EMAIL_TAKEN: "newEmail" },
    onSuccess: (_, values) => onSent(values.newEmail),
  });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("title")}>
      <FormError message={f.banner} />
      <EmailField label={fields("newEmail")} dir="ltr" error={f.errors.newEmail?.message} {...f.register("newEmail")} />
      <CurrentPasswordField toggleLabel={t("showCurrent")} error={f.errors.currentPassword?.message} {...f.register("currentPassword")} />
      <SubmitButton pending={f.pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

function VerifyStep({ pendingEmail, onBack, onDone }: { pendingEmail: string; onBack: () => void; onDone: (email: string) => void }) {
  const t = useTranslations("account.email");
  const f = useApiForm(ChangeEmailVerifySchema, {
    endpoint: "/api/auth/change-email/verify",
    defaultValues: { code: "" },
    codeToField: { INVALID_CODE: "code", TOO_MANY_ATTEMPTS: "code" },
    onSuccess: (data: { user?: { email?: string } }) => onDone(data.user?.email ?? pendingEmail),
  });

  return (
    <form method="post" noValidate onSubmit={f.onSubmit} className="flex flex-col gap-4" aria-label={t("verify")}>
      <FormSuccess>
        <p>{t.rich("codeSent", { email: pendingEmail, bdi })}</p>
      </FormSuccess>
      <FormError message={f.banner} />
      <CodeField control={f.control} name="code" error={f.errors.code?.message} />
      <SubmitButton pending={f.pending}>{t("verify")}</SubmitButton>
      <button type="button" className={secondaryButtonClass} onClick={onBack}>
        {t("startOver")}
      </button>
    </form>
  );
}
