"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, type ReactNode, useRef, useState } from "react";
import { FieldError } from "@/components/ui/FieldError";
import { FormError } from "@/components/ui/FormError";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { uploadWithProgress } from "@/lib/client/upload";
import { useErrorText, useFormat } from "@/lib/i18n/hooks";
import { latestToday } from "@/lib/validation/record-metadata";
import { RECORD_ACCEPT, RECORD_TITLE_MAX, RecordTitleSchema } from "@/lib/validation/records";
import { useRecordLabels } from "./labels";
import { richTags } from "./rich";
import type { RecordItem } from "./types";

type Errors = { file?: string; title?: string; category?: string; documentDate?: string };

/** Screen readers hear the progress in quarters, not on every one of dozens of progress events. */
const ANNOUNCE_EVERY = 25;

/**
 * Upload by file picker or drag and drop, with a real progress bar (XMLHttpRequest upload
 * progress). The server decides the type from the bytes; this form only spares the wait for files
 * that are empty or too large.
 */
export function UploadPanel({ maxBytes, onUploaded }: { maxBytes: number; onUploaded: (record: RecordItem) => void }) {
  const t = useTranslations("records.upload");
  const errorText = useErrorText();
  const format = useFormat();
  const { categoryOptions } = useRecordLabels();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [category, setCategory] = useState<string>("other");
  const [documentDate, setDocumentDate] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [announced, setAnnounced] = useState<string>("");
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<(() => void) | null>(null);
  const maxText = format.bytes(maxBytes);

  const choose = (f: File | null) => {
    setFile(f);
    setDone(null);
    setBanner(null);
    setErrors((e) => ({ ...e, file: undefined }));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (percent !== null) return;
    const files = e.dataTransfer.files;
    if (files.length !== 1) return setErrors((x) => ({ ...x, file: t("oneFile") }));
    choose(files[0]!);
    if (input.current) input.current.value = ""; // the dropped file replaces whatever was picked
  };

  const submit = async () => {
    setBanner(null);
    setDone(null);
    const problems: Errors = {};
    if (!file) problems.file = t("needFile");
    else if (file.size === 0) problems.file = t("empty");
    else if (file.size > maxBytes) problems.file = t("tooLarge", { size: maxText });
    const parsedTitle = RecordTitleSchema.safeParse(title);
    // The schema says what is wrong in English; the reader gets the rule in their language.
    if (!parsedTitle.success) problems.title = t("titleInvalid", { max: RECORD_TITLE_MAX });
    setErrors(problems);
    if (problems.file || problems.title || !file) {
      (problems.file ? input.current : document.getElementById("record-title"))?.focus();
      return;
    }

    const form = new FormData();
    if (parsedTitle.data) form.append("title", parsedTitle.data);
    form.append("category", category);
    if (documentDate) form.append("documentDate", documentDate);
    form.append("file", file);
    setPercent(0);
    setAnnounced(t("progressText", { percent: 0 }));
    let lastAnnounced = 0;
    const upload = uploadWithProgress<{ record: RecordItem }>("/api/records", form, (fraction) => {
      const p = Math.min(100, Math.round(fraction * 100));
      setPercent(p);
      if (p >= lastAnnounced + ANNOUNCE_EVERY) {
        lastAnnounced = p - (p % ANNOUNCE_EVERY);
        setAnnounced(p === 100 ? t("processing") : t("progressText", { percent: lastAnnounced }));
      }
    });
    abort.current = upload.abort;
    const res = await upload.result;
    abort.current = null;
    setPercent(null);
    setAnnounced("");
    if (res.ok) {
      onUploaded(res.data.record);
      setDone(t.rich("done", { title: res.data.record.title, ...richTags }));
      setFile(null);
      setTitle("");
      setCategory("other");
      setDocumentDate("");
      if (input.current) input.current.value = "";
      return;
    }
    if (res.error.code === "ABORTED") return setBanner(t("cancelled"));
    const { code, fields } = res.error;
    if (fields?.title || fields?.category || fields?.documentDate) return setErrors(fields);
    const fileMessage =
      code === "FILE_INFECTED" ? t("infected")
      : code === "SCAN_UNAVAILABLE" ? t("scanDown")
      : code === "UNSUPPORTED_MEDIA_TYPE" ? t("wrongType")
      : code === "PAYLOAD_TOO_LARGE" ? t("tooLarge", { size: maxText })
      : code === "RECORD_LIMIT_REACHED" ? t("limit")
      : fields?.file;
    if (fileMessage) {
      setErrors({ file: fileMessage });
      input.current?.focus();
    } else setBanner(errorText(code, res.error.error));
  };

  const uploading = percent !== null;
  return (
    <form
      method="post"
      noValidate
      aria-label={t("title")}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormError message={banner} />
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col gap-2 rounded-lg border-2 border-dashed p-4 ${dragging ? "border-brand bg-sky-50" : "border-slate-300"}`}
      >
        <label htmlFor="record-file" className="font-medium">
          {t("file")}
        </label>
        <p id="record-file-hint" className="text-sm text-slate-600">
          {dragging ? t("dropHere") : t("fileHint")}
        </p>
        <input
          ref={input}
          id="record-file"
          name="file"
          type="file"
          accept={RECORD_ACCEPT}
          disabled={uploading}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={`record-file-hint${errors.file ? " record-file-error" : ""}`}
          className={`${inputClass} file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1`}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        {file ? <p className="break-all text-sm">{t.rich("chosen", { name: file.name, size: format.bytes(file.size), ...richTags })}</p> : null}
        <FieldError id="record-file-error" message={errors.file} />
      </div>
      <TextField
        id="record-title"
        name="title"
        label={t("recordTitle")}
        optional
        hint={t("titleHint")}
        value={title}
        maxLength={400}
        disabled={uploading}
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          id="record-category"
          name="category"
          label={t("category")}
          options={categoryOptions}
          value={category}
          disabled={uploading}
          error={errors.category}
          onChange={(e) => setCategory(e.target.value)}
        />
        <TextField
          id="record-date"
          name="documentDate"
          type="date"
          label={t("documentDate")}
          optional
          hint={t("documentDateHint")}
          max={latestToday()}
          value={documentDate}
          disabled={uploading}
          error={errors.documentDate}
          onChange={(e) => setDocumentDate(e.target.value)}
        />
      </div>
      {uploading ? (
        <div className="flex flex-col gap-2">
          <div
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t("progressText", { percent })}
            data-testid="upload-progress"
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <button type="button" className={secondaryButtonClass} onClick={() => abort.current?.()}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button type="submit" className={`${primaryButtonClass} w-full`}>
          {t("submit")}
        </button>
      )}
      {/* Always present, so that screen readers announce changes to it. */}
      <p role="status" aria-live="polite" className="text-sm" data-testid="upload-status">
        {uploading ? announced : (done ?? "")}
      </p>
    </form>
  );
}
