"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Section } from "@/components/account/Section";
import { FormError, FormSuccess } from "@/components/ui/FormError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { apiFetch } from "@/lib/client/api";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import { AccessLogPanel } from "./AccessLogPanel";
import { ConfirmButton } from "./ConfirmButton";
import { RecordEditor } from "./RecordEditor";
import { filterQuery, RecordFilters } from "./RecordFilters";
import { RecordList } from "./RecordList";
import { richTags } from "./rich";
import { SharingPanel } from "./SharingPanel";
import { NO_FILTER, type RecordFilter, type RecordItem } from "./types";
import { UploadPanel } from "./UploadPanel";

/** The patient's /records page: upload, the list, sharing and the access log, around one list of records. */
export function RecordsWorkspace({ maxBytes, maxRecords }: { maxBytes: number; maxRecords: number }) {
  const t = useTranslations("records");
  const errorText = useErrorText();
  const format = useFormat();
  const [records, setRecords] = useState<RecordItem[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  const [seen, setSeen] = useState<Record<string, RecordItem>>({});
  const [filterErrors, setFilterErrors] = useState<Partial<Record<keyof RecordFilter, string>>>({});

  // Filters change faster than answers come back: only the latest request may set the list, or a
  // slow answer to "clear filters" would overwrite the category chosen right after it.
  const latest = useRef(0);
  const load = useCallback(async (f: RecordFilter = NO_FILTER) => {
    setFilter(f);
    const mine = ++latest.current;
    const res = await apiFetch<{ records: RecordItem[] }>(`/api/records${filterQuery(f)}`);
    if (mine !== latest.current) return;
    if (!res.ok && res.status === 400 && res.error.fields) return setFilterErrors(res.error.fields);
    setFilterErrors({});
    setLoadFailed(!res.ok);
    if (!res.ok) return;
    setRecords(res.data.records);
    // The access log names records by title, filtered out or not.
    setSeen((all) => ({ ...all, ...Object.fromEntries(res.data.records.map((x) => [x.id, x])) }));
  }, []);
  useEffect(() => {
    // load() sets state only after its request answers, never synchronously.
    const reload = () => void load();
    reload();
  }, [load]);

  const remove = async (record: RecordItem) => {
    setBanner(null);
    setNotice(null);
    setBusy(record.id);
    const res = await apiFetch(`/api/records/${encodeURIComponent(record.id)}`, { method: "DELETE" });
    setBusy(null);
    if (res.ok || res.status === 404) {
      setRecords((list) => list?.filter((x) => x.id !== record.id) ?? null);
      setSeen((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== record.id)));
      setNotice(t.rich("list.deleted", { title: record.title, ...richTags }));
    } else setBanner(errorText(res.error.code, res.error.error));
  };

  const filtered = Object.values(filter).some((v) => v.trim() !== "");
  return (
    <>
      <Section id="upload" title={t("upload.title")} intro={t("upload.intro", { size: format.bytes(maxBytes), count: maxRecords })}>
        <UploadPanel maxBytes={maxBytes} onUploaded={() => void load(filter)} />
      </Section>
      <Section id="records" title={t("list.title")}>
        <FormError message={banner} />
        <FormSuccess>{notice ? <p>{notice}</p> : null}</FormSuccess>
        {records === null && !loadFailed ? <p role="status">{t("list.loading")}</p> : null}
        {loadFailed ? (
          <FormError message={t("list.loadFailed")}>
            <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => void load(filter)}>
              {t("list.retry")}
            </button>
          </FormError>
        ) : null}
        <RecordFilters onApply={(f) => void load(f)} errors={filterErrors} idPrefix="records-filter" />
        {records && records.length === 0 && !filtered ? <p data-testid="records-empty">{t("list.empty")}</p> : null}
        {records && (records.length > 0 || filtered) ? (
          <RecordList
            records={records}
            label={t("list.title")}
            actions={(record) => (
              <>
                <RecordEditor
                  record={record}
                  onSaved={(saved) => {
                    setNotice(t.rich("list.saved", { title: saved.title, ...richTags }));
                    void load(filter); // its place in the list may have changed
                  }}
                />
                <ConfirmButton
                  label={t("list.delete")}
                  ariaLabel={t("list.deleteNamed", { title: record.title })}
                  question={t.rich("list.confirmDelete", { title: record.title, ...richTags })}
                  confirmLabel={t("list.confirmDeleteButton")}
                  cancelLabel={t("list.keep")}
                  busy={busy === record.id}
                  onConfirm={() => remove(record)}
                />
              </>
            )}
          />
        ) : null}
      </Section>
      <Section id="sharing" title={t("sharing.title")} intro={t("sharing.intro")}>
        <SharingPanel />
      </Section>
      <Section id="access-log" title={t("log.title")} intro={t("log.intro")}>
        <AccessLogPanel records={Object.values(seen)} />
      </Section>
    </>
  );
}
