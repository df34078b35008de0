"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import type { NotificationPreferences } from "./types";

type Key = keyof NotificationPreferences;
type Role = "patient" | "doctor" | "admin" | "superadmin";
/** Each switch is shown to the roles that can receive that email. */
const SWITCHES: { key: Key; roles: readonly Role[] }[] = [
  { key: "recordViewed", roles: ["patient"] },
  { key: "grantExpiring", roles: ["patient", "doctor"] },
];

/**
 * The optional emails as switches, each saved as soon as it is flipped (PATCH
 * /api/users/me/notifications); a failed save puts the switch back. Security emails are listed,
 * without switches, with the reason they cannot be turned off.
 */
export function NotificationsForm({ initial, role }: { initial: NotificationPreferences; role: Role }) {
  const t = useTranslations("notifications");
  const errorText = useErrorText();
  const shown = SWITCHES.filter((s) => s.roles.includes(role));
  const [prefs, setPrefs] = useState(initial);
  const [busy, setBusy] = useState<Key | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const flip = async (key: Key) => {
    const next = !prefs[key];
    setError(null);
    setSaved(false);
    setBusy(key);
    setPrefs((p) => ({ ...p, [key]: next }));
    const res = await apiFetch<NotificationPreferences>("/api/users/me/notifications", { method: "PATCH", body: { [key]: next } });
    setBusy(null);
    if (res.ok) {
      setPrefs(res.data);
      setSaved(true);
    } else {
      setPrefs((p) => ({ ...p, [key]: !next }));
      setError(errorText(res.error.code, res.error.error));
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <FormError message={error} />
      <FormSuccess message={saved ? t("saved") : null} />
      {shown.length === 0 ? <p className="text-sm text-slate-700">{t("noneOptional")}</p> : null}
      <fieldset className={shown.length === 0 ? "hidden" : "flex flex-col gap-3"}>
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        {shown.map(({ key }) => (
          <div key={key} className="flex items-start gap-3">
            <input
              id={`notify-${key}`}
              type="checkbox"
              role="switch"
              className="mt-1 h-5 w-5 shrink-0 accent-sky-800"
              checked={prefs[key]}
              aria-describedby={`notify-${key}-hint`}
              disabled={busy !== null}
              onChange={() => void flip(key)}
            />
            <div className="flex flex-col">
              <label htmlFor={`notify-${key}`} className="font-medium">
                {t(key)}
              </label>
              <p id={`notify-${key}-hint`} className="text-sm text-slate-700">
                {t(`${key}Hint`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="border-t border-slate-200 pt-4">
        <h3 className="font-semibold">{t("alwaysTitle")}</h3>
        <p className="text-sm text-slate-700">{t("always")}</p>
      </div>
    </div>
  );
}
