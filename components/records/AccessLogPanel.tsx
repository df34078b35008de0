"use client";

import { useCallback, useEffect, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import { en } from "@/lib/i18n";
import type { AccessEventItem, RecordItem } from "./types";

const g = en.records.log;

/** "Who viewed your records": every doctor's read of the patient's records, newest first. */
export function AccessLogPanel({ records }: { records: RecordItem[] }) {
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
  return (
    <div className="flex flex-col gap-3">
      {failed ? <FormError message={g.loadFailed} /> : null}
      {events && events.length === 0 ? <p>{g.empty}</p> : null}
      {events && events.length > 0 ? (
        <ol className="flex flex-col gap-2" data-testid="access-log">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="access-event">
              <time dateTime={e.at} className="block text-slate-600">
                {formatDate(e.at)}
              </time>
              <span className="font-semibold">{e.doctor.name || g.unknownDoctor}</span> {g.actions[e.action] ?? e.action}
              {e.recordId ? <> “{titles.get(e.recordId) ?? g.deletedRecord}”</> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <button type="button" className={`${secondaryButtonClass} self-start`} onClick={() => void load()}>
        {g.refresh}
      </button>
    </div>
  );
}
