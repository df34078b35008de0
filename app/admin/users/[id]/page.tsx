import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/AdminNav";
import { UserActions } from "@/components/admin/UserActions";
import { RoleBadge, StatusBadge } from "@/components/admin/UsersTable";
import { UtcTime } from "@/components/admin/UtcTime";
import { Section } from "@/components/account/Section";
import { SignedInNav } from "@/components/account/SignedInNav";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/admin/page";
import { mayDeleteAccounts, outranks } from "@/lib/admin/policy";
import { getUserDetail } from "@/lib/admin/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

/** /admin/users/{id}: what an admin needs to decide, and the actions (each behind a confirmation). */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user: actor, mfa } = await requireAdminPage(`/admin/users/${encodeURIComponent(id)}`);
  const user = await getUserDetail(id);
  if (!user) notFound();
  const t = await getTranslations("admin.user");
  const approvals = await getTranslations("fields.approvals");
  const self = user.id === actor.id;
  // What the buttons offer follows the admin policy; the API decides again on every action.
  const outranked = !outranks(actor, user);

  return (
    <PageShell
      width="3xl"
      title={user.name}
      intro={
        <p className="break-all">
          <bdi>{user.email}</bdi>
        </p>
      }
      header={<SignedInNav current="admin" role={actor.role} mfaDaysLeft={mfa.daysLeft} deletionScheduledFor={actor.deletionScheduledFor} />}
    >
      <AdminNav current="users" />
      <p>
        <Link href="/admin/users" className={touchLinkClass}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">
            ←
          </span>
          {t("back")}
        </Link>
      </p>
      <Section id="details" title={t("details")}>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="user-details">
          <Row label={t("email")}>
            <bdi className="break-all">{user.email}</bdi>
          </Row>
          <Row label={t("role")}>
            <RoleBadge user={user} />
          </Row>
          <Row label={t("status")}>
            <span data-testid="user-status">
              <StatusBadge status={user.status} />
            </span>
          </Row>
          <Row label={t("created")}>
            <UtcTime value={user.createdAt} />
          </Row>
          <Row label={t("verified")}>{user.emailVerifiedAt ? <UtcTime value={user.emailVerifiedAt} /> : t("notVerified")}</Row>
          <Row label={t("lastSignIn")}>{user.lastSignInAt ? <UtcTime value={user.lastSignInAt} /> : t("never")}</Row>
          <Row label={t("sessions")}>
            <span data-testid="active-sessions">{user.activeSessions}</span>
          </Row>
        </dl>
        <p>
          <Link href={`/admin/audit?userId=${user.id}`} className={touchLinkClass}>
            {t("audit")}
          </Link>
        </p>
      </Section>
      {user.role === "doctor" ? (
        <Section id="doctor" title={t("doctor")}>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <Row label={t("specialty")}>{user.specialty}</Row>
            <Row label={t("license")}>
              <bdi className="break-all">{user.licenseNumber}</bdi>
            </Row>
            <Row label={t("approval")}>
              <span data-testid="user-approval">{user.approval ? approvals(user.approval) : ""}</span>
            </Row>
            {user.decidedAt ? (
              <Row label={t("decided")}>
                {t.rich("decidedBy", { when: () => <UtcTime value={user.decidedAt} />, who: user.decidedBy?.name ?? "—" })}
              </Row>
            ) : null}
            {user.rejectionReason ? <Row label={t("reason")}>{user.rejectionReason}</Row> : null}
          </dl>
        </Section>
      ) : null}
      <Section id="actions" title={t("actions")} intro={outranked ? t("outranked") : self ? t("you") : undefined}>
        {outranked ? null : (
          <UserActions
            target={{ id: user.id, name: user.name, role: user.role, status: user.status, approval: user.approval }}
            canDelete={mayDeleteAccounts(actor)}
            self={self}
          />
        )}
      </Section>
    </PageShell>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-sm text-slate-600 sm:text-base">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </>
  );
}
