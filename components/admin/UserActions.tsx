"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { TextField } from "@/components/ui/TextField";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import { ROLES, type Role, type UpdateUserInput } from "@/lib/validation/admin";

export type ActionTarget = {
  id: string;
  name: string;
  role: Role;
  status: "active" | "suspended";
  approval?: "pending" | "approved" | "rejected";
};

export type ActionKind = "approve" | "reject" | "suspend" | "reactivate" | "role" | "delete";
type Kind = ActionKind;

/**
 * The admin's actions on one user. Each opens a confirmation first (focus moves into it; Cancel or
 * Escape closes it), then calls PATCH or DELETE /api/users/{id} and says what happened. The server
 * decides; this only hides what the caller may never do (an admin acting on a superadmin, deleting).
 * `only` narrows the buttons (the home page offers approve and reject); `onDone` hands the success
 * message to a parent that outlives this row (an approved doctor leaves the home's pending list).
 */
export function UserActions({
  target,
  canDelete,
  self,
  only,
  onDone,
}: {
  target: ActionTarget;
  canDelete: boolean;
  self: boolean;
  only?: readonly Kind[];
  onDone?: (message: string) => void;
}) {
  const t = useTranslations("admin");
  const ui = useTranslations("ui");
  const errorText = useErrorText();
  const router = useRouter();
  const confirmId = useId();
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
      const messages = { approve: "approved", reject: "rejected", suspend: "suspended", reactivate: "reactivated", role: "roleChanged" } as const;
      const message = t(`actions.${messages[open]}`);
      if (onDone) onDone(message);
      else setDone(message);
      setOpen(null);
      router.refresh();
      return;
    }
    if (res.error.fields?.reason) setFieldError(res.error.fields.reason);
    const other = Object.entries(res.error.fields ?? {}).filter(([k]) => k !== "reason").map(([, v]) => v);
    setError(res.error.fields?.reason && !other.length ? null : [errorText(res.error.code, res.error.error), ...other].join(" "));
  };

  const name = target.name;
  const button = (kind: Kind, label: string, cls = secondaryButtonClass) =>
    only && !only.includes(kind) ? null : (
    <button type="button" className={cls} onClick={() => start(kind)} aria-expanded={open === kind} disabled={busy}>
      {label}
    </button>
  );
  const confirmation: Record<Kind, { text: string; go: string; reason: "none" | "optional" | "required"; danger?: boolean }> = {
    approve: { text: t("actions.approveConfirm", { name }), go: t("actions.approveDo"), reason: "none" },
    reject: { text: t("actions.rejectConfirm", { name }), go: t("actions.rejectDo"), reason: "required", danger: true },
    suspend: { text: t("actions.suspendConfirm", { name }), go: t("actions.suspendDo"), reason: "optional", danger: true },
    reactivate: { text: t("actions.reactivateConfirm", { name }), go: t("actions.reactivateDo"), reason: "optional" },
    role: { text: t("actions.roleConfirm", { name, role: t(`roles.${role}`) }), go: t("actions.roleDo"), reason: "optional" },
    delete: { text: t("actions.deleteConfirm", { name }), go: t("actions.deleteDo"), reason: "none", danger: true },
  };
  const current = open ? confirmation[open] : null;

  return (
    <div className="flex flex-col gap-4">
      <FormSuccess message={done} />
      <div className="flex flex-wrap gap-3">
        {target.role === "doctor" && target.approval !== "approved" ? button("approve", t("actions.approve"), primaryButtonClass) : null}
        {target.role === "doctor" ? button("reject", t("actions.reject")) : null}
        {self ? null : target.status === "active" ? button("suspend", t("actions.suspend")) : button("reactivate", t("actions.reactivate"))}
        {self ? null : button("role", t("actions.changeRole"))}
        {canDelete && !self ? button("delete", t("actions.delete"), dangerButtonClass) : null}
      </div>
      {open && current ? (
        <div
          ref={panel}
          role="group"
          aria-labelledby={confirmId}
          data-testid={`confirm-${open}`}
          className="flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-4"
          onKeyDown={(e) => e.key === "Escape" && setOpen(null)}
        >
          {open === "role" ? (
            <SelectField
              label={t("actions.newRole")}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          ) : null}
          <p id={confirmId} className="font-medium">
            {current.text}
          </p>
          {current.reason !== "none" ? (
            <TextField
              label={current.reason === "required" ? t("actions.reasonRequired") : t("actions.reasonOptional")}
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
              {busy ? ui("submitting") : null}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(null)} disabled={busy}>
              {t("actions.cancel")}
            </button>
          </div>
          {open === "role" && role === target.role ? <p className="text-sm text-slate-700">{t("actions.sameRole")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
