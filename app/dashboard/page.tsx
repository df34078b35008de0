import type { Metadata } from "next";
import Link from "next/link";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass, linkClass, touchLinkClass } from "@/components/ui/styles";
import { PENDING_DOCTORS } from "@/lib/admin/links";
import { adminStats } from "@/lib/admin/stats";
import { requirePageUser } from "@/lib/auth/session/page";
import { en, fmt } from "@/lib/i18n";
import { isAdminRole } from "@/lib/validation/admin";

export const metadata: Metadata = { title: en.dashboard.title };

const d = en.dashboard;

export default async function DashboardPage() {
  const { publicUser: user, mfa } = await requirePageUser("/dashboard");

  return (
    <PageShell
      width="xl"
      title={fmt(d.welcome, { name: user.name })}
      intro={<p data-testid="role">{fmt(d.roleLabel, { role: d.roles[user.role] })}</p>}
      header={<SignedInNav current="dashboard" role={user.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={user.deletionScheduledFor} />}
    >
      {user.role === "doctor" ? <DoctorHome approval={user.approval} reason={user.rejectionReason} /> : null}
      {isAdminRole(user.role) ? <AdminHome /> : null}
      {user.role === "patient" ? (
        <Card title={d.records} testId="records">
          <p>{d.recordsDesc}</p>
          <p>
            <Link href="/records" className={linkClass}>
              {d.recordsLink}
            </Link>
          </p>
        </Card>
      ) : null}
      <Card title={d.account} testId="account-link">
        <p>
          <Link href="/account" className={linkClass}>
            {d.accountDesc}
          </Link>
        </p>
      </Card>
    </PageShell>
  );
}

/** Counts an admin acts on, each a link to the filtered list (the pending doctors are one click away). */
async function AdminHome() {
  const stats = await adminStats();
  const items = [
    { label: d.pendingDoctors, value: stats.pendingDoctors, href: PENDING_DOCTORS, link: d.reviewPending, id: "pending-doctors" },
    { label: d.suspendedUsers, value: stats.suspendedUsers, href: "/admin/users?status=suspended", link: d.viewSuspended, id: "suspended-users" },
    { label: d.signupsThisWeek, value: stats.signupsThisWeek, href: "/admin/users", link: d.allUsers, id: "signups-week" },
  ];
  return (
    <Card title={d.adminTitle} testId="admin-home">
      <p>{d.adminDesc}</p>
      <ul className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
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
      <p className="mt-2">
        <Link href="/admin/audit" className={touchLinkClass}>
          {d.auditLog}
        </Link>
      </p>
    </Card>
  );
}

function DoctorHome({ approval, reason }: { approval?: "pending" | "approved" | "rejected"; reason?: string | null }) {
  if (approval === "approved") {
    return (
      <Card title={d.doctorHome} testId="doctor-home">
        <p>{d.doctorHomeDesc}</p>
        <p>
          <Link href="/patients" className={linkClass}>
            {d.patientsLink}
          </Link>
        </p>
      </Card>
    );
  }
  const rejected = approval === "rejected";
  return (
    <section
      aria-labelledby="approval-title"
      data-testid={rejected ? "doctor-rejected" : "doctor-pending"}
      className={`rounded-lg border p-4 sm:p-6 ${rejected ? "border-red-300 bg-red-50 text-red-950" : "border-amber-300 bg-amber-50 text-amber-950"}`}
    >
      <h2 id="approval-title" className="text-lg font-semibold">
        {rejected ? d.doctorRejectedTitle : d.doctorPendingTitle}
      </h2>
      {rejected && reason ? (
        <p className="mt-1 font-medium" data-testid="rejection-reason">
          {fmt(d.doctorRejectedReason, { reason })}
        </p>
      ) : null}
      <p className="mt-1">{rejected ? d.doctorRejected : d.doctorPending}</p>
    </section>
  );
}

function Card({ title, badge, testId, children }: { title: string; badge?: string; testId: string; children: React.ReactNode }) {
  const id = `${testId}-title`;
  return (
    <section aria-labelledby={id} className={cardClass} data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {badge ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-sm text-slate-800">{badge}</span> : null}
      </div>
      {children}
    </section>
  );
}
