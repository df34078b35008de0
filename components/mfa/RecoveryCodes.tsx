"use client";

import { useState } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useTranslations } from "next-intl";

/** The ten recovery codes, shown once right after set-up, with copy and download. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("mfa.totp");
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n") + "\n";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-3" role="region" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" className="font-semibold">
        {t("codesTitle")}
      </h3>
      <p className="text-sm">{t("codesIntro")}</p>
      <ol className="grid grid-cols-2 gap-x-4 gap-y-1 font-mono text-base" dir="ltr" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={copy}>
          {t("copy")}
        </button>
        <a className={secondaryButtonClass} href={href} download="caregate-recovery-codes.txt">
          {t("download")}
        </a>
        <button type="button" className={primaryButtonClass} onClick={onDone}>
          {t("saved")}
        </button>
      </div>
      <p role="status" className="text-sm">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}
