"use client";

import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Advisory strength meter (0–4). zxcvbn and its ~400 KB word list load on first use through a
 * dynamic import, so pages without a new-password field never download them. The server's policy
 * (length, common-password list, email local part) is what actually decides.
 */
let factory: Promise<ZxcvbnFactory> | null = null;
function loadZxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")])
    .then(([core, common]) => new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }))
    .catch((e: unknown) => {
      factory = null;
      throw e;
    });
  return factory;
}

const COLORS = ["bg-red-700", "bg-red-700", "bg-amber-600", "bg-lime-700", "bg-green-700"] as const;
const LEVELS = ["veryWeak", "weak", "fair", "good", "strong"] as const;

export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const t = useTranslations("ui.strength");
  const [result, setResult] = useState<number | null>(null);
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      loadZxcvbn()
        .then((z) => {
          if (!cancelled) setResult(z.check(password, inputsKey ? inputsKey.split("\n") : []).score);
        })
        .catch(() => {
          // The meter is advice only: if it cannot load, the form still works.
        });
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [password, inputsKey]);

  if (!password) return null;
  // Between keystrokes the previous score stays up (no flicker); it is replaced within ~150 ms.
  if (result === null) return <div className="h-11" aria-hidden="true" />;
  const score = Math.min(4, Math.max(0, result));
  const label = t(`levels.${LEVELS[score] ?? "veryWeak"}`);
  return (
    <div className="flex flex-col gap-1" data-testid="password-strength">
      <div
        role="meter"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label}
        className="grid grid-cols-4 gap-1"
      >
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={`h-1.5 rounded-full ${i <= Math.max(1, score) ? COLORS[score] : "bg-slate-200"}`} />
        ))}
      </div>
      <p className="text-sm text-slate-700">
        {t("label")}: <span className="font-semibold">{label}</span>
      </p>
    </div>
  );
}
