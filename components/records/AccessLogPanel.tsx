"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useFormat } from "@/lib/i18n/hooks";
import { richTags } from "./rich";
import type { AccessEventItem, RecordItem } from "./types";

/** "Who viewed your records": every doctor's read of the patient's records, newest first. */
export function AccessLogPanel({ records }: { records: RecordItem[] }) {
  const t = useTranslations("records.log");
  const format = useFormat();
  const [events, setEvents] = useState<AccessEventItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const res = await apiFetch<{ events: AccessEventItem[] }>("/api/records/access-log");
    setFailed(!res.ok);
    if (res.ok) setEvents(res.data.events);
  }, []);
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const reload = () => void load();
    reload();
  }, [load]);

  const titles = new Map(records.map((r) => [r.id, r.title]));
  // A deleted doctor's events keep their name but lose their id; each such name counts once.
  const viewers = events ? new Set(events.map((e) => e.doctor.id ?? `name:${e.doctor.name}`)).size : 0;
  const line = (e: AccessEventItem) => {
    const name = e.doctor.name || t("unknownDoctor");
    const title = e.recordId ? titles.get(e.recordId) : "";
    return title === undefined
      ? t.rich("eventDeleted", { action: e.action, name, ...richTags })
      : t.rich("event", { action: e.action, name, title, ...richTags });
  };
  return (
    <div className="flex flex-col gap-3">
      {failed ? <FormError message={t("loadFailed")} /> : null}
      {events && events.length === 0 ? <p>{t("empty")}</p> : null}
      {events && events.length > 0 ? (
        <>
          <p className="text-sm text-slate-700" data-testid="access-viewers">
            {t("viewers", { count: viewers })}
          </p>
          <ol className="flex flex-col gap-2" data-testid="access-log">
            {events.map((e, i) => (
              <li key={`${e.at}-${i}`} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="access-event">
                <time dateTime={e.at} className="block text-slate-600">
                  {format.date(e.at)}
                </time>
                {line(e)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => void load()}>
        {t("refresh")}
      </button>
    </div>
  );
}
