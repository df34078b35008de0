"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import type { SessionSchema } from "@/lib/validation/responses";
import { Skeleton } from "./Skeleton";

/** As GET /api/auth/sessions lists it (the contract's schema). */
type Session = z.infer<typeof SessionSchema>;

/** Fired by forms that end other sessions (password change) so this list reloads. */
export const SESSIONS_CHANGED = "caregate:sessions-changed";

const SIGN_IN_AGAIN = "/auth/login?next=%2Faccount%2Fdevices";

/**
 * The API names a device in English ("Chrome on Windows", "Unknown browser on iOS", "Unknown
 * device"); the browser and system names are names, the words around them are ours to translate.
 */
function useDeviceName() {
  const t = useTranslations("account.sessions");
  return (device: string) => {
    if (!device || device === "Unknown device") return t("unknownDevice");
    const parts = /^(.+) on (.+)$/.exec(device);
    if (!parts) return device;
    const browser = parts[1] === "Unknown browser" ? t("unknownBrowser") : parts[1]!;
    return t("deviceName", { browser, os: parts[2]! });
  };
}

// This device first, then the others by last activity (the API's order).
const ordered = (list: Session[]) => [...list].sort((a, b) => Number(b.current) - Number(a.current));

/**
 * The signed-in devices. The page hands over the list it read on the server (no loading state on
 * arrival); the list reloads itself when a form on the page ends sessions.
 */
export function SessionsList({ initial }: { initial?: Session[] }) {
  const t = useTranslations("account.sessions");
  const errorText = useErrorText();
  const format = useFormat();
  const deviceName = useDeviceName();
  const [sessions, setSessions] = useState<Session[] | null>(initial ? ordered(initial) : null);
  const [loadError, setLoadError] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const go = useAuthNavigation();

  const load = useCallback(async () => {
    const res = await apiFetch<{ sessions: Session[] }>("/api/auth/sessions");
    if (res.ok) {
      setSessions(ordered(res.data.sessions));
      setLoadError(false);
    } else if (res.status === 401) {
      go(SIGN_IN_AGAIN);
    } else {
      setLoadError(true);
    }
  }, [go]);

  useEffect(() => {
    const reload = () => void load();
    if (!initial) reload();
    window.addEventListener(SESSIONS_CHANGED, reload);
    return () => window.removeEventListener(SESSIONS_CHANGED, reload);
  }, [load, initial]);

  const end = async (session: Session) => {
    setBanner(null);
    setNotice(null);
    setBusy(session.id);
    const res = await apiFetch(`/api/auth/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" });
    setBusy(null);
    if (res.ok || res.status === 404) {
      setSessions((list) => list?.filter((x) => x.id !== session.id) ?? null);
      if (res.ok) setNotice(t("ended"));
      else void load();
      return;
    }
    if (res.status === 401) return go(SIGN_IN_AGAIN);
    setBanner(errorText(res.error.code, res.error.error));
  };

  const endAll = async () => {
    setBanner(null);
    setNotice(null);
    setBusy("all");
    const res = await apiFetch("/api/auth/logout-all", { method: "POST" });
    if (res.ok || res.status === 401) return go("/auth/login");
    setBusy(null);
    setBanner(errorText(res.error.code, res.error.error));
  };

  // The list is rendered on the server first, so its times are UTC (docs/I18N.md "Dates and
  // numbers"): the browser's own zone would not match the HTML it hydrates.
  const when = (iso: string) => format.date(iso, { timeZone: "UTC" });

  return (
    <div className="flex flex-col gap-4">
      <FormError message={banner} />
      <FormSuccess message={notice} />
      {sessions === null && !loadError ? <Skeleton label={t("loading")} rows={2} /> : null}
      {loadError ? (
        <FormError message={t("loadFailed")}>
          <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => void load()}>
            {t("retry")}
          </button>
        </FormError>
      ) : null}
      {sessions ? <p className="text-sm text-slate-700" data-testid="sessions-count">{t("count", { count: sessions.length })}</p> : null}
      {sessions ? (
        <ul className="flex flex-col gap-3" aria-label={t("list")}>
          {sessions.map((x) => {
            const name = deviceName(x.device);
            return (
              <li
                key={x.id}
                className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
                data-testid="session"
                data-current={x.current ? "true" : "false"}
                data-session-id={x.id}
              >
                <div className="flex flex-wrap items-center gap-2">
                  {/* No <bdi> around it: "Chrome على Linux" must keep the page's direction to read right. */}
                  <h2 className="font-semibold">{name}</h2>
                  {x.current ? <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sm font-medium text-sky-900">{t("thisDevice")}</span> : null}
                </div>
                <dl className="grid grid-cols-1 gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("device")}</dt>
                  <dd className="break-all">
                    {x.userAgent ? (
                      <code dir="ltr" className="text-xs text-slate-700">
                        {x.userAgent}
                      </code>
                    ) : (
                      t("unknown")
                    )}
                  </dd>
                  <dt className="text-slate-600">{t("ip")}</dt>
                  <dd className="break-all">{x.ip ? <bdi dir="ltr">{x.ip}</bdi> : t("unknown")}</dd>
                  <dt className="text-slate-600">{t("created")}</dt>
                  <dd>
                    <time dateTime={x.createdAt}>{when(x.createdAt)}</time>
                  </dd>
                  <dt className="text-slate-600">{t("lastSeen")}</dt>
                  <dd>
                    <time dateTime={x.lastSeenAt}>{when(x.lastSeenAt)}</time>
                  </dd>
                </dl>
                {x.current ? null : (
                  <button
                    type="button"
                    className={`${secondaryButtonClass} self-start`}
                    disabled={busy !== null}
                    aria-label={t("signOutNamed", { device: `${name}${x.ip ? ` (${x.ip})` : ""}` })}
                    onClick={() => void end(x)}
                  >
                    {t("signOut")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {sessions && sessions.every((x) => x.current) ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-700" data-testid="sessions-empty">
          {t("none")}
        </p>
      ) : null}
      <div className="flex flex-col gap-1 border-t border-slate-200 pt-4">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={busy !== null}
          aria-busy={busy === "all" || undefined}
          aria-describedby="sign-out-everywhere-hint"
          onClick={() => void endAll()}
        >
          {t("signOutEverywhere")}
        </button>
        <p id="sign-out-everywhere-hint" className="text-sm text-slate-700">
          {t("signOutEverywhereHint")}
        </p>
      </div>
    </div>
  );
}
