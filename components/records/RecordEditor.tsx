"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { en, errorText, fmt } from "@/lib/i18n";
import { RECORD_CATEGORIES } from "@/lib/validation/record-categories";
import { latestToday } from "@/lib/validation/record-metadata";
import type { RecordItem } from "./types";

const l = en.records.list;
const CATEGORY_OPTIONS = RECORD_CATEGORIES.map((c) => ({ value: c, label: en.records.categories[c]! }));

type Errors = { title?: string; category?: string; documentDate?: string };

/**
 * The owner renames, re-categorises or re-dates a record in place (PATCH /api/records/{id}). The
 * form opens under the card's buttons with focus on the title; Cancel or Escape closes it and
 * returns focus to "Edit details".
 */
export function RecordEditor({ record, onSaved }: { record: RecordItem; onSaved: (record: RecordItem) => void }) {
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
        aria-label={fmt(l.editNamed, { title: record.title })}
        onClick={() => (open ? close() : start())}
      >
        {l.edit}
      </button>
      {open ? (
        <form
          id={`${id}-form`}
          noValidate
          aria-label={fmt(l.editNamed, { title: record.title })}
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
          <TextField ref={firstField} id={`${id}-title`} name="title" label={l.editTitle} value={title} maxLength={400} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
          <SelectField id={`${id}-category`} name="category" label={l.category} options={CATEGORY_OPTIONS} value={category} error={errors.category} onChange={(e) => setCategory(e.target.value)} />
          <TextField
            id={`${id}-date`}
            name="documentDate"
            type="date"
            label={l.documentDate}
            optional
            max={latestToday()}
            value={date}
            error={errors.documentDate}
            onChange={(e) => setDate(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={primaryButtonClass} disabled={saving}>
              {l.save}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={close}>
              {l.cancelEdit}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
