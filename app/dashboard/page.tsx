import type { Metadata } from "next";
import Link from "next/link";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session/page";
import { en, fmt } from "@/lib/i18n";

export const metadata: Metadata = { title: en.dashboard.title };

const d = en.dashboard;

export default async function DashboardPage() {
  const { publicUser: user, mfa } = await requirePageUser("/dashboard");

  return (
    <PageShell
      width="xl"
      title={fmt(d.welcome, { name: user.name })}
      intro={<p data-testid="role">{fmt(d.roleLabel, { role: d.roles[user.role] })}</p>}
      header={<SignedInNav current="dashboard" mfaDaysLeft={mfa.daysLeft} />}
    >
      {user.role === "doctor" ? <DoctorHome approval={user.approval} /> : null}
      {user.role === "admin" || user.role === "superadmin" ? (
        <Card title={d.adminTitle} testId="admin-home">
          <p>{d.adminDesc}</p>
        </Card>
      ) : null}
      {user.role === "patient" ? (
        <Card title={d.records} badge={d.comingSoon} testId="records">
          <p>{d.recordsDesc}</p>
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

function DoctorHome({ approval }: { approval?: "pending" | "approved" | "rejected" }) {
  if (approval === "approved") {
    return (
      <Card title={d.doctorHome} testId="doctor-home">
        <p>{d.doctorHomeDesc}</p>
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
