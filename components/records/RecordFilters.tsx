"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useRecordLabels } from "./labels";
import { NO_FILTER, type RecordFilter } from "./types";

type Props = {
  onApply: (filter: RecordFilter) => void;
  /** Field errors from the last answer (e.g. `to` before `from`). */
  errors?: Partial<Record<keyof RecordFilter, string>>;
  /** Distinguishes several filter forms on one page (one per patient on /patients). */
  idPrefix?: string;
};

/**
 * Search and filters above a list of records (GET /api/records?q=&category=&from=&to=). The
 * category and dates apply as soon as they change; the search text when submitted (Enter or the
 * button), so a screen reader is not interrupted by a new list on every keystroke.
 */
export function RecordFilters({ onApply, errors = {}, idPrefix }: Props) {
  const t = useTranslations("records.filters");
  const { categoryOptions } = useRecordLabels();
  const auto = useId();
  const prefix = idPrefix ?? `filters-${auto}`;
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  const change = (patch: Partial<RecordFilter>, apply: boolean) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    if (apply) onApply(next);
  };
  const active = filter.q || filter.category || filter.from || filter.to;

  return (
    <form
      role="search"
      aria-label={t("label")}
      noValidate
      className="flex flex-col gap-3 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(filter);
      }}
    >
      <TextField
        id={`${prefix}-q`}
        name="q"
        type="search"
        label={t("search")}
        hint={t("searchHint")}
        value={filter.q}
        maxLength={100}
        error={errors.q}
        onChange={(e) => change({ q: e.target.value }, false)}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField
          id={`${prefix}-category`}
          name="category"
          label={t("category")}
          options={[{ value: "", label: t("allCategories") }, ...categoryOptions]}
          value={filter.category}
          error={errors.category}
          onChange={(e) => change({ category: e.target.value }, true)}
        />
        <TextField
          id={`${prefix}-from`}
          name="from"
          type="date"
          label={t("from")}
          value={filter.from}
          error={errors.from}
          onChange={(e) => change({ from: e.target.value }, true)}
        />
        <TextField
          id={`${prefix}-to`}
          name="to"
          type="date"
          label={t("to")}
          value={filter.to}
          error={errors.to}
          onChange={(e) => change({ to: e.target.value }, true)}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass}>
          {t("apply")}
        </button>
        {active ? (
          <button type="button" className={secondaryButtonClass} onClick={() => change(NO_FILTER, true)}>
            {t("clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The query string of a filter ("" when there is none). */
export function filterQuery(filter: RecordFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v.trim()) params.set(k, v.trim());
  const text = params.toString();
  return text ? `?${text}` : "";
}
