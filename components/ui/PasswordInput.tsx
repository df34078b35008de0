"use client";

import { type ComponentProps, type ReactNode, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame, useFieldIds } from "./FieldFrame";
import { inputClass } from "./styles";

type Props = Omit<ComponentProps<"input">, "type" | "autoComplete"> & {
  label: string;
  name: string;
  autoComplete: "new-password" | "current-password";
  error?: string;
  hint?: ReactNode;
  /** Accessible name of the show/hide button; distinct per field when a form has several. */
  toggleLabel?: string;
  /** Rendered under the input (e.g. the strength meter). */
  children?: ReactNode;
};

/**
 * A password input with a show/hide toggle. The toggle is a real <button type="button"> whose
 * name stays constant ("Show password") and whose state is aria-pressed, so assistive technology
 * hears "Show password, toggle button, pressed" rather than a label that flips under the user.
 */
export function PasswordInput({ label, error, hint, toggleLabel, children, id, className, ...input }: Props) {
  const t = useTranslations("ui");
  const [shown, setShown] = useState(false);
  const ids = useFieldIds(input.name, id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <div className="relative">
        <input
          id={ids.inputId}
          type={shown ? "text" : "password"}
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          className={`${inputClass} pe-12 ${className ?? ""}`}
          {...input}
        />
        <button
          type="button"
          aria-pressed={shown}
          aria-controls={ids.inputId}
          aria-label={toggleLabel ?? t("showPassword")}
          title={toggleLabel ?? t("showPassword")}
          onClick={() => setShown((s) => !s)}
          className="absolute inset-y-0 end-0 flex w-11 min-h-11 items-center justify-center rounded-e-md text-slate-700 hover:text-brand aria-pressed:text-brand"
        >
          {shown ? <EyeOffIcon /> : <EyeIcon />}
        </button>
      </div>
      {children}
    </FieldFrame>
  );
}

type CurrentProps = Omit<Props, "label" | "autoComplete" | "hint" | "children">;

/** "Current password": asked again before a sensitive change (new password, new email). */
export function CurrentPasswordField(props: CurrentProps) {
  const t = useTranslations("fields");
  return <PasswordInput label={t("currentPassword")} autoComplete="current-password" {...props} />;
}

function EyeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

function EyeOffIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 3l18 18" />
      <path d="M10.6 5.1A10.4 10.4 0 0 1 12 5c6.5 0 10 7 10 7a17.6 17.6 0 0 1-3.2 4.2M6.6 6.6C3.7 8.5 2 12 2 12s3.5 7 10 7a9.9 9.9 0 0 0 5.4-1.6" />
      <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
    </svg>
  );
}
