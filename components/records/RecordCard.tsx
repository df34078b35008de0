"use client";

import { type ReactNode, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { formatBytes, formatDate, typeLabel } from "@/lib/client/format";
import { en, fmt } from "@/lib/i18n";
import { RecordPreview } from "./RecordPreview";
import { RecordThumbnail } from "./RecordThumbnail";
import { categoryLabel, formatDay } from "./recordDates";
import type { RecordItem } from "./types";

const l = en.records.list;

/** One record in a list: what it is, a preview on demand, a download link, and (for its owner) more actions. */
export function RecordCard({ record, actions }: { record: RecordItem; actions?: ReactNode }) {
  const [previewing, setPreviewing] = useState(false);
  const previewId = `preview-${record.id}`;
  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="record" data-record-id={record.id}>
      <div className="flex items-start gap-3">
        <RecordThumbnail record={record} />
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <h4 className="break-words text-start font-semibold" data-testid="record-title">
            {record.title}
          </h4>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{l.category}</dt>
            <dd data-testid="record-category">{categoryLabel(record.category)}</dd>
            {record.documentDate ? (
              <>
                <dt className="text-slate-600">{l.documentDate}</dt>
                <dd>
                  <time dateTime={record.documentDate}>{formatDay(record.documentDate)}</time>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{l.type}</dt>
            <dd>
              {typeLabel(record.contentType)}, {formatBytes(record.size)}
            </dd>
            <dt className="text-slate-600">{l.uploaded}</dt>
            <dd>
              <time dateTime={record.createdAt}>{formatDate(record.createdAt)}</time>
            </dd>
            <dt className="text-slate-600">{l.file}</dt>
            <dd className="break-all">{record.filename}</dd>
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
          {previewing ? l.hidePreview : l.preview}
        </button>
        <a
          href={`/api/records/${encodeURIComponent(record.id)}/file`}
          download
          className={secondaryButtonClass}
          aria-label={fmt(l.downloadNamed, { title: record.title })}
        >
          {l.download}
        </a>
        {actions}
      </div>
      {previewing ? <RecordPreview record={record} id={previewId} /> : null}
    </li>
  );
}
