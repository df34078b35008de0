import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { UtcTime } from "@/components/admin/UtcTime";
import { touchLinkClass } from "@/components/ui/styles";
import { PENDING_DOCTORS } from "@/lib/admin/links";
import { adminStats } from "@/lib/admin/stats";
import { listUsers } from "@/lib/admin/users";
import { listSecurityEvents } from "@/lib/audit/query";
import { AUDIT_EVENT_TYPES } from "@/lib/validation/admin";
import { Block, BlockSkeleton, Empty, itemClass, listClass } from "@/components/dashboard/Block";
import { PendingDoctors } from "@/components/dashboard/PendingDoctors";

const PENDING_SHOWN = 5;
const EVENTS_SHOWN = 6;

/**
 * An admin's home: the counts they act on (each a link to the filtered list), the doctors waiting
 * for a decision with approve and reject in place, and the newest security events. The same
 * services as the admin pages and the API, three short reads side by side.
 */
export async function AdminHome() {
  const t = await getTranslations("dashboard.admin");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Suspense fallback={<BlockSkeleton title={t("counts")} rows={2} className="lg:col-span-2" />}>
        <Counts />
      </Suspense>
      <Suspense fallback={<BlockSkeleton title={t("pendingTitle")} rows={3} />}>
        <PendingBlock />
      </Suspense>
      <Suspense fallback={<BlockSkeleton title={t("events")} rows={4} />}>
        <RecentEvents />
      </Suspense>
    </div>
  );
}

async function Counts() {
  const [t, stats] = await Promise.all([getTranslations("dashboard.admin"), adminStats()]);
  const items = [
    { label: t("pendingDoctors"), value: stats.pendingDoctors, href: PENDING_DOCTORS, link: t("reviewPending"), id: "pending-doctors" },
    { label: t("suspendedUsers"), value: stats.suspendedUsers, href: "/admin/users?status=suspended", link: t("viewSuspended"), id: "suspended-users" },
    { label: t("signupsThisWeek"), value: stats.signupsThisWeek, href: "/admin/users", link: t("allUsers"), id: "signups-week" },
  ];
  return (
    <Block id="admin-home" title={t("counts")} intro={t("desc")} className="lg:col-span-2">
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-1 rounded-md bg-slate-50 p-3" data-testid={item.id}>
            <span className="text-3xl font-bold text-slate-900" data-testid={`${item.id}-count`}>
              {item.value}
            </span>
            <span className="text-sm text-slate-700">{item.label}</span>
            <Link href={item.href} className={touchLinkClass}>
              {item.link}
            </Link>
          </li>
        ))}
      </ul>
    </Block>
  );
}

async function PendingBlock() {
  const [t, result] = await Promise.all([
    getTranslations("dashboard.admin"),
    listUsers({ role: "doctor", approval: "pending", verified: true, page: 1, limit: PENDING_SHOWN }),
  ]);
  const doctors = result.users.map((u) => ({ id: u.id, name: u.name, email: u.email, specialty: u.specialty ?? "", licence: u.licenseNumber ?? "", createdAt: new Date(u.createdAt).toISOString() }));
  const more = result.total - doctors.length;
  return (
    <Block id="pending-block" title={t("pendingTitle")} link={{ href: PENDING_DOCTORS, label: t("pendingLink") }}>
      <PendingDoctors doctors={doctors} empty={t("pendingEmpty")} />
      {more > 0 ? <p className="text-sm text-slate-700">{t("pendingMore", { count: more })}</p> : null}
    </Block>
  );
}

async function RecentEvents() {
  const [t, events] = await Promise.all([getTranslations("dashboard.admin"), getTranslations("admin.audit.events")]);
  const { events: rows } = await listSecurityEvents({ limit: EVENTS_SHOWN });
  const known = (type: string): type is (typeof AUDIT_EVENT_TYPES)[number] => (AUDIT_EVENT_TYPES as readonly string[]).includes(type);
  return (
    <Block id="recent-events" title={t("events")} link={{ href: "/admin/audit", label: t("auditLog") }}>
      {rows.length ? (
        <ul className={listClass}>
          {rows.map((e) => (
            <li key={e.id} className={itemClass} data-testid="home-event" data-type={e.type}>
              <span className="font-medium">{known(e.type) ? events(e.type) : e.type}</span>
              {/* Name and time as separate boxes: a Latin name beside an Arabic date would reorder as one run. */}
              <span className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                {e.user ? (
                  <Link href={`/admin/users/${e.userId}`} className="break-words text-brand underline underline-offset-2">
                    <bdi>{e.user.name}</bdi>
                  </Link>
                ) : null}
                <UtcTime value={e.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("eventsEmpty")}</Empty>
      )}
    </Block>
  );
}
