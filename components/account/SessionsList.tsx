"use client";

import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useAuthNavigation } from "@/lib/client/use-auth-navigation";
import { en, errorText, fmt } from "@/lib/i18n";
import type { SessionSchema } from "@/lib/validation/responses";

/** As GET /api/auth/sessions lists it (the contract's schema). */
type Session = z.infer<typeof SessionSchema>;

/** Fired by forms that end other sessions (password change) so this list reloads. */
export const SESSIONS_CHANGED = "caregate:sessions-changed";

const s = en.account.sessions;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function SessionsList() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const go = useAuthNavigation();

  const load = useCallback(async () => {
    const res = await apiFetch<{ sessions: Session[] }>("/api/auth/sessions");
    if (res.ok) {
      // This device first, then the others by last activity (the API's order).
      setSessions([...res.data.sessions].sort((a, b) => Number(b.current) - Number(a.current)));
      setLoadError(false);
    } else if (res.status === 401) {
      go("/auth/login?next=%2Faccount");
    } else {
      setLoadError(true);
    }
  }, [go]);

  useEffect(() => {
    const reload = () => void load();
    reload();
    window.addEventListener(SESSIONS_CHANGED, reload);
    return () => window.removeEventListener(SESSIONS_CHANGED, reload);
  }, [load]);

  const end = async (session: Session) => {
    setBanner(null);
    setNotice(null);
    setBusy(session.id);
    const res = await apiFetch(`/api/auth/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" });
    setBusy(null);
    if (res.ok || res.status === 404) {
      setSessions((list) => list?.filter((x) => x.id !== session.id) ?? null);
      if (res.ok) setNotice(s.ended);
      else void load();
      return;
    }
    if (res.status === 401) return go("/auth/login?next=%2Faccount");
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

  return (
    <div className="flex flex-col gap-4">
      <FormError message={banner} />
      <FormSuccess message={notice} />
      {sessions === null && !loadError ? <p role="status">{s.loading}</p> : null}
      {loadError ? (
        <FormError message={s.loadFailed}>
          <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => void load()}>
            {s.retry}
          </button>
        </FormError>
      ) : null}
      {sessions ? (
        <ul className="flex flex-col gap-3" aria-label={s.list}>
          {sessions.map((x) => {
            const name = x.device || s.unknownDevice;
            return (
              <li
                key={x.id}
                className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
                data-testid="session"
                data-current={x.current ? "true" : "false"}
                data-session-id={x.id}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">{name}</h3>
                  {x.current ? <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sm font-medium text-sky-900">{s.thisDevice}</span> : null}
                </div>
                <dl className="grid grid-cols-1 gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{s.device}</dt>
                  <dd className="break-all">{x.userAgent || s.unknown}</dd>
                  <dt className="text-slate-600">{s.ip}</dt>
                  <dd className="break-all" dir="ltr">{x.ip || s.unknown}</dd>
                  <dt className="text-slate-600">{s.created}</dt>
                  <dd>
                    <time dateTime={x.createdAt}>{when(x.createdAt)}</time>
                  </dd>
                  <dt className="text-slate-600">{s.lastSeen}</dt>
                  <dd>
                    <time dateTime={x.lastSeenAt}>{when(x.lastSeenAt)}</time>
                  </dd>
                </dl>
                {x.current ? null : (
                  <button
                    type="button"
                    className={`${secondaryButtonClass} self-start`}
                    disabled={busy !== null}
                    aria-label={fmt(s.signOutNamed, { device: `${name}${x.ip ? ` (${x.ip})` : ""}` })}
                    onClick={() => void end(x)}
                  >
                    {s.signOut}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {sessions && sessions.every((x) => x.current) ? <p className="text-sm text-slate-700">{s.none}</p> : null}
      <div className="flex flex-col gap-1 border-t border-slate-200 pt-4">
        <button type="button" className={dangerButtonClass} disabled={busy !== null} aria-describedby="sign-out-everywhere-hint" onClick={() => void endAll()}>
          {s.signOutEverywhere}
          {busy === "all" ? en.ui.submitting : null}
        </button>
        <p id="sign-out-everywhere-hint" className="text-sm text-slate-700">
          {s.signOutEverywhereHint}
        </p>
      </div>
    </div>
  );
}
