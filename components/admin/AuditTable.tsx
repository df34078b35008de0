import Link from "next/link";
import { useTranslations } from "next-intl";
import { linkClass } from "@/components/ui/styles";
import type { AuditEvent } from "@/lib/audit/query";
import { AUDIT_EVENT_TYPES, type Role } from "@/lib/validation/admin";
import { UtcTime } from "./UtcTime";

type Change = { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: unknown };
const CHANGE_FIELDS = ["role", "status", "approval", "name"] as const;
type ChangeField = (typeof CHANGE_FIELDS)[number];
const isKnown = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === "string" && (list as readonly string[]).includes(v);

/** "Role: Patient → Admin" for each field an admin event changed, field and values in the reader's language. */
function useChanges() {
  const t = useTranslations("admin");
  const approvals = useTranslations("fields.approvals");
  const value = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === "") return "—";
    if (field === "role" && isKnown<Role>(["patient", "doctor", "admin", "superadmin"], v)) return t(`roles.${v}`);
    if (field === "status" && isKnown(["active", "suspended"] as const, v)) return t(`statuses.${v}`);
    if (field === "approval" && isKnown(["pending", "approved", "rejected"] as const, v)) return approvals(v);
    return String(v);
  };
  return (detail: Change | null): string[] => {
    if (!detail?.before || !detail.after) return [];
    return Object.keys(detail.after).map((k) =>
      t("audit.change", {
        field: isKnown<ChangeField>(CHANGE_FIELDS, k) ? t(`audit.changeFields.${k}`) : k,
        before: value(k, detail.before?.[k]),
        after: value(k, detail.after?.[k]),
      }),
    );
  };
}

function Person({ id, person, fallbackId }: { id: string | null; person: { email: string; name: string } | null; fallbackId?: unknown }) {
  const t = useTranslations("admin.audit");
  if (id && person) {
    return (
      <span className="flex flex-col">
        <Link href={`/admin/users/${id}`} className={`${linkClass} break-words`}>
          <bdi>{person.name}</bdi>
        </Link>
        <bdi className="text-sm break-all text-slate-600">{person.email}</bdi>
      </span>
    );
  }
  if (typeof fallbackId !== "string") return <span className="text-slate-600">—</span>;
  return (
    <span className="break-all text-slate-600">
      {t("deletedUser")} <bdi>{fallbackId}</bdi>
    </span>
  );
}

/**
 * One page of the audit trail, newest first. One markup, two layouts: from 1024 px a table whose
 * header stays in view; below it a compact card per event (the header is left to screen readers,
 * each cell shows its own label), so a phone never scrolls sideways.
 */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const t = useTranslations("admin.audit");
  const changes = useChanges();
  const head = "sticky top-0 z-10 border-b border-slate-300 bg-slate-50 px-3 py-2 text-start font-semibold";
  const label = "text-slate-600 lg:hidden";
  const cell = "lg:table-cell lg:px-3 lg:py-2";
  return (
    <div className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table className="block w-full text-start text-sm lg:table lg:text-base" aria-label={t("list")}>
        <thead className="sr-only text-slate-700 lg:not-sr-only">
          <tr>
            <th scope="col" className={head} aria-sort="descending">{t("when")}</th>
            <th scope="col" className={head}>{t("event")}</th>
            <th scope="col" className={head}>{t("user")}</th>
            <th scope="col" className={head}>{t("actor")}</th>
            <th scope="col" className={head}>{t("details")}</th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 lg:table-row-group">
          {events.map((e) => {
            const detail = e.detail as Change | null;
            const reason = typeof detail?.reason === "string" ? detail.reason : null;
            const lines = changes(detail);
            return (
              <tr
                key={e.id}
                className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-t lg:p-0 lg:align-top"
                data-testid="audit-event"
                data-type={e.type}
              >
                <td className={`text-slate-700 ${cell} lg:whitespace-nowrap`}>
                  <UtcTime value={e.createdAt} />
                </td>
                <td className={`order-first font-semibold lg:order-none ${cell}`}>
                  {isKnown(AUDIT_EVENT_TYPES, e.type) ? t(`events.${e.type}`) : e.type}
                </td>
                <td className={cell}>
                  <span className={`${label} block`} aria-hidden="true">{t("user")}</span>
                  <Person id={e.userId} person={e.user} fallbackId={(e.detail as { targetId?: unknown } | null)?.targetId} />
                </td>
                <td className={e.actorId || e.actor ? cell : `hidden ${cell}`}>
                  <span className={`${label} block`} aria-hidden="true">{t("actor")}</span>
                  {e.actorId || e.actor ? <Person id={e.actorId} person={e.actor} /> : <span className="text-slate-600">—</span>}
                </td>
                <td className={lines.length || reason || e.ip ? cell : `hidden ${cell}`}>
                  {lines.map((c) => (
                    <p key={c}>{c}</p>
                  ))}
                  {reason ? <p>{t("reason", { reason })}</p> : null}
                  {e.ip ? (
                    <p className="text-slate-600">
                      {t("ip")}: <bdi className="break-all">{e.ip}</bdi>
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
