import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import type { AuditEvent } from "@/lib/audit/query";
import { en, fmt } from "@/lib/i18n";
import { isoOf, when } from "./format";

const t = en.admin.audit;

type Change = { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: unknown };

/** "role: patient → admin" for each field an admin event changed. */
function changes(detail: Change | null): string[] {
  if (!detail?.before || !detail.after) return [];
  return Object.keys(detail.after).map((k) => `${k}: ${fmt(t.change, { before: String(detail.before?.[k] ?? "—"), after: String(detail.after?.[k] ?? "—") })}`);
}

function Person({ id, person, fallbackId }: { id: string | null; person: { email: string; name: string } | null; fallbackId?: unknown }) {
  if (id && person) {
    return (
      <Link href={`/admin/users/${id}`} className={`${linkClass} break-all`}>
        {person.name} ({person.email})
      </Link>
    );
  }
  return <span className="break-all text-slate-600">{typeof fallbackId === "string" ? `${t.deletedUser} ${fallbackId}` : "—"}</span>;
}

/** The audit events as a list of cards (readable at 360 px), newest first. */
export function AuditList({ events }: { events: AuditEvent[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label={t.list}>
      {events.map((e) => {
        const detail = e.detail as Change | null;
        const reason = typeof detail?.reason === "string" ? detail.reason : null;
        return (
          <li key={e.id} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3" data-testid="audit-event" data-type={e.type}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold">{e.type.replaceAll("_", " ")}</span>
              <time dateTime={isoOf(e.createdAt)} className="text-sm text-slate-700">
                {when(e.createdAt)}
              </time>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="text-slate-600">{t.user}</dt>
              <dd>
                <Person id={e.userId} person={e.user} fallbackId={(e.detail as { targetId?: unknown } | null)?.targetId} />
              </dd>
              {e.actorId || e.actor ? (
                <>
                  <dt className="text-slate-600">{t.actor}</dt>
                  <dd>
                    <Person id={e.actorId} person={e.actor} />
                  </dd>
                </>
              ) : null}
              {e.ip ? (
                <>
                  <dt className="text-slate-600">{t.ip}</dt>
                  <dd className="break-all" dir="ltr">
                    {e.ip}
                  </dd>
                </>
              ) : null}
            </dl>
            {changes(detail).map((c) => (
              <p key={c} className="text-sm">
                {c}
              </p>
            ))}
            {reason ? <p className="text-sm">{fmt(t.reason, { reason })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
