"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText } from "@/lib/i18n/hooks";
import { latestToday } from "@/lib/validation/record-metadata";
import { useRecordLabels } from "./labels";
import type { RecordItem } from "./types";


type Errors = { title?: string; category?: string; documentDate?: string };

/**
 * The owner renames, re-categorises or re-dates a record in place (PATCH /api/records/{id}). The
 * form opens under the card's buttons with focus on the title; Cancel or Escape closes it and
 * returns focus to "Edit details".
 */
export function RecordEditor({ record, onSaved }: { record: RecordItem; onSaved: (record: RecordItem) => void }) {
  const t = useTranslations("records.list");
  const errorText = useErrorText();
  const { categoryOptions } = useRecordLabels();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(record.title);
  const [category, setCategory] = useState<string>(record.category);
  const [date, setDate] = useState(record.documentDate ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setErrors({});
    setBanner(null);
    trigger.current?.focus();
  };

  const start = () => {
    setTitle(record.title);
    setCategory(record.category);
    setDate(record.documentDate ?? "");
    setOpen(true);
  };

  const save = async () => {
    setSaving(true);
    setBanner(null);
    const res = await apiFetch<{ record: RecordItem }>(`/api/records/${encodeURIComponent(record.id)}`, {
      method: "PATCH",
      body: { title, category, documentDate: date || null },
    });
    setSaving(false);
    if (res.ok) {
      setOpen(false);
      setErrors({});
      onSaved(res.data.record);
      return;
    }
    if (res.error.fields) setErrors(res.error.fields as Errors);
    else setBanner(errorText(res.error.code, res.error.error));
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={secondaryButtonClass}
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        aria-label={t("editNamed", { title: record.title })}
        onClick={() => (open ? close() : start())}
      >
        {t("edit")}
      </button>
      {open ? (
        <form
          id={`${id}-form`}
          noValidate
          aria-label={t("editNamed", { title: record.title })}
          className="flex basis-full flex-col gap-3 rounded-md bg-slate-50 p-3"
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FormError message={banner} />
          <TextField ref={firstField} id={`${id}-title`} name="title" label={t("editTitle")} value={title} maxLength={400} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
          <SelectField id={`${id}-category`} name="category" label={t("category")} options={categoryOptions} value={category} error={errors.category} onChange={(e) => setCategory(e.target.value)} />
          <TextField
            id={`${id}-date`}
            name="documentDate"
            type="date"
            label={t("documentDate")}
            optional
            max={latestToday()}
            value={date}
            error={errors.documentDate}
            onChange={(e) => setDate(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={primaryButtonClass} disabled={saving}>
              {t("save")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={close}>
              {t("cancelEdit")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
