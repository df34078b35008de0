import type { ApiError, ApiResult } from "./api";

/**
 * A multipart upload with real progress: fetch() cannot report upload progress, XMLHttpRequest can
 * (`upload.onprogress`, bytes actually handed to the network). Same result shape as apiFetch;
 * `abort()` cancels, and the result is then `ABORTED`.
 */
export type UploadResult<T> = ApiResult<T> | { ok: false; status: 0; data: null; error: { code: "ABORTED"; error: string }; retryAfter: null };

export function uploadWithProgress<T>(url: string, form: FormData, onProgress: (fraction: number) => void) {
  const xhr = new XMLHttpRequest();
  const result = new Promise<UploadResult<T>>((resolve) => {
    const failed = (code: "NETWORK_ERROR" | "ABORTED") =>
      resolve({ ok: false, status: 0, data: null, error: { code, error: "" }, retryAfter: null } as UploadResult<T>);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => failed("NETWORK_ERROR");
    xhr.onabort = () => failed("ABORTED");
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, status: xhr.status, data: data as T, error: null, retryAfter: null });
        return;
      }
      const body = (data && typeof data === "object" ? data : {}) as Partial<ApiError>;
      const error: ApiError = {
        code: typeof body.code === "string" ? body.code : "INTERNAL_ERROR",
        error: typeof body.error === "string" ? body.error : "",
        fields: body.fields && typeof body.fields === "object" ? body.fields : undefined,
      };
      const retry = Number(xhr.getResponseHeader("retry-after"));
      resolve({ ok: false, status: xhr.status, data, error, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null });
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}
