"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * A destructive action that asks first, in place: the question appears beside the button, focus
 * moves to "Yes", and "No" (or Escape) puts focus back where it was. No modal, so it works the
 * same by keyboard, by touch and with a screen reader.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  question,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  /** May hold markup: a title or a name inside it keeps its own direction (`<bdi>`). */
  question: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void | Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const returnFocus = useRef(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button ref={trigger} type="button" className={dangerButtonClass} aria-label={ariaLabel} disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="flex w-full flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") cancel();
      }}
    >
      <p id={questionId} className="text-sm text-red-950">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button ref={yes} type="button" className={dangerButtonClass} disabled={busy} aria-busy={busy || undefined} onClick={() => void onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={busy} onClick={cancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
