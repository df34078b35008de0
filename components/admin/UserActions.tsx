"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { TextField } from "@/components/ui/TextField";
import { apiFetch } from "@/lib/client/api";
import { en, errorText, fmt } from "@/lib/i18n";
import { ROLES, type Role, type UpdateUserInput } from "@/lib/validation/admin";

const a = en.admin.actions;

export type ActionTarget = {
  id: string;
  name: string;
  role: Role;
  status: "active" | "suspended";
  approval?: "pending" | "approved" | "rejected";
};

type Kind = "approve" | "reject" | "suspend" | "reactivate" | "role" | "delete";

/**
 * The admin's actions on one user. Each opens a confirmation first (focus moves into it; Cancel or
 * Escape closes it), then calls PATCH or DELETE /api/users/{id} and says what happened. The server
 * decides; this only hides what the caller may never do (an admin acting on a superadmin, deleting).
 */
export function UserActions({ target, canDelete, self }: { target: ActionTarget; canDelete: boolean; self: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState<Kind | null>(null);
  const [reason, setReason] = useState("");
  const [role, setRole] = useState<Role>(target.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>("input, select, button")?.focus();
  }, [open]);

  const start = (kind: Kind) => {
    setOpen(kind);
    setReason("");
    setRole(target.role);
    setError(null);
    setFieldError(undefined);
    setDone(null);
  };

  const confirm = async () => {
    if (!open) return;
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    const path = `/api/users/${encodeURIComponent(target.id)}`;
    const withReason = reason.trim() ? { reason: reason.trim() } : {};
    const bodies: Record<Exclude<Kind, "delete">, UpdateUserInput> = {
      approve: { approval: "approved", ...withReason },
      reject: { approval: "rejected", ...withReason },
      suspend: { status: "suspended", ...withReason },
      reactivate: { status: "active", ...withReason },
      role: { role, ...withReason },
    };
    const res = open === "delete" ? await apiFetch(path, { method: "DELETE" }) : await apiFetch(path, { method: "PATCH", body: bodies[open] });
    setBusy(false);
    if (res.ok) {
      if (open === "delete") {
        router.replace("/admin/users?deleted=1");
        router.refresh();
        return;
      }
      const messages = { approve: a.approved, reject: a.rejected, suspend: a.suspended, reactivate: a.reactivated, role: a.roleChanged };
      setDone(messages[open]);
      setOpen(null);
      router.refresh();
      return;
    }
    if (res.error.fields?.reason) setFieldError(res.error.fields.reason);
    const other = Object.entries(res.error.fields ?? {}).filter(([k]) => k !== "reason").map(([, v]) => v);
    setError(res.error.fields?.reason && !other.length ? null : [errorText(res.error.code, res.error.error), ...other].join(" "));
  };

  const name = target.name;
  const button = (kind: Kind, label: string, cls = secondaryButtonClass) => (
    <button type="button" className={cls} onClick={() => start(kind)} aria-expanded={open === kind} disabled={busy}>
      {label}
    </button>
  );
  const confirmation: Record<Kind, { text: string; go: string; reason: "none" | "optional" | "required"; danger?: boolean }> = {
    approve: { text: fmt(a.approveConfirm, { name }), go: a.approveDo, reason: "none" },
    reject: { text: fmt(a.rejectConfirm, { name }), go: a.rejectDo, reason: "required", danger: true },
    suspend: { text: fmt(a.suspendConfirm, { name }), go: a.suspendDo, reason: "optional", danger: true },
    reactivate: { text: fmt(a.reactivateConfirm, { name }), go: a.reactivateDo, reason: "optional" },
    role: { text: fmt(a.roleConfirm, { name, role: en.admin.roles[role] }), go: a.roleDo, reason: "optional" },
    delete: { text: fmt(a.deleteConfirm, { name }), go: a.deleteDo, reason: "none", danger: true },
  };
  const current = open ? confirmation[open] : null;

  return (
    <div className="flex flex-col gap-4">
      <FormSuccess message={done} />
      <div className="flex flex-wrap gap-3">
        {target.role === "doctor" && target.approval !== "approved" ? button("approve", a.approve, primaryButtonClass) : null}
        {target.role === "doctor" ? button("reject", a.reject) : null}
        {self ? null : target.status === "active" ? button("suspend", a.suspend) : button("reactivate", a.reactivate)}
        {self ? null : button("role", a.changeRole)}
        {canDelete && !self ? button("delete", a.delete, dangerButtonClass) : null}
      </div>
      {open && current ? (
        <div
          ref={panel}
          role="group"
          aria-labelledby="confirm-text"
          data-testid={`confirm-${open}`}
          className="flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-4"
          onKeyDown={(e) => e.key === "Escape" && setOpen(null)}
        >
          {open === "role" ? (
            <SelectField
              label={a.newRole}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              options={ROLES.map((r) => ({ value: r, label: en.admin.roles[r] }))}
            />
          ) : null}
          <p id="confirm-text" className="font-medium">
            {current.text}
          </p>
          {current.reason !== "none" ? (
            <TextField
              label={current.reason === "required" ? a.reasonRequired : a.reasonOptional}
              name="reason"
              value={reason}
              maxLength={500}
              autoComplete="off"
              error={fieldError}
              onChange={(e) => setReason(e.target.value)}
            />
          ) : null}
          <FormError message={error} />
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className={current.danger ? dangerButtonClass : primaryButtonClass}
              disabled={busy || (open === "role" && role === target.role)}
              aria-busy={busy || undefined}
              onClick={() => void confirm()}
            >
              {current.go}
              {busy ? en.ui.submitting : null}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(null)} disabled={busy}>
              {a.cancel}
            </button>
          </div>
          {open === "role" && role === target.role ? <p className="text-sm text-slate-700">{a.sameRole}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
