"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormat } from "@/lib/i18n/hooks";
import { useRecordLabels } from "./labels";
import { RecordPreview } from "./RecordPreview";
import { RecordThumbnail } from "./RecordThumbnail";
import type { RecordItem } from "./types";

/** One record in a list: what it is, a preview on demand, a download link, and (for its owner) more actions. */
export function RecordCard({ record, actions }: { record: RecordItem; actions?: ReactNode }) {
  const t = useTranslations("records.list");
  const format = useFormat();
  const labels = useRecordLabels();
  const [previewing, setPreviewing] = useState(false);
  const previewId = `preview-${record.id}`;
  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="record" data-record-id={record.id}>
      <div className="flex items-start gap-3">
        <RecordThumbnail record={record} />
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <h4 className="break-words text-start font-semibold" data-testid="record-title">
            <bdi>{record.title}</bdi>
          </h4>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("category")}</dt>
            <dd data-testid="record-category">{labels.category(record.category)}</dd>
            {record.documentDate ? (
              <>
                <dt className="text-slate-600">{t("documentDate")}</dt>
                <dd>
                  {/* A calendar day, not an instant: shown as written, never moved by a time zone. */}
                  <time dateTime={record.documentDate}>{format.date(record.documentDate, { withTime: false, timeZone: "UTC" })}</time>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("type")}</dt>
            <dd>{t("typeAndSize", { type: labels.type(record.contentType), size: format.bytes(record.size) })}</dd>
            <dt className="text-slate-600">{t("uploaded")}</dt>
            <dd>
              <time dateTime={record.createdAt}>{format.date(record.createdAt)}</time>
            </dd>
            <dt className="text-slate-600">{t("file")}</dt>
            <dd className="break-all">
              <bdi>{record.filename}</bdi>
            </dd>
          </dl>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={previewing}
          aria-controls={previewing ? previewId : undefined}
          onClick={() => setPreviewing((v) => !v)}
        >
          {previewing ? t("hidePreview") : t("preview")}
        </button>
        <a
          href={`/api/records/${encodeURIComponent(record.id)}/file`}
          download
          className={secondaryButtonClass}
          aria-label={t("downloadNamed", { title: record.title })}
        >
          {t("download")}
        </a>
        {actions}
      </div>
      {previewing ? <RecordPreview record={record} id={previewId} /> : null}
    </li>
  );
}
