import type { ClientErrorCode } from "@/lib/http/error-codes";

/**
 * The browser's one way to call the JSON API (same origin, so the session cookie rides along and
 * the response's Set-Cookie lands). It never throws on HTTP errors or network failures: callers
 * switch on `ok` and `error.code` (never on message text).
 */
export type ApiError = { code: ClientErrorCode; error: string; fields?: Record<string, string> };

export type ApiResult<T> =
  | { ok: true; status: number; data: T; error: null; retryAfter: null }
  | { ok: false; status: number; data: unknown; error: ApiError; retryAfter: number | null };

type Options = { method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"; body?: unknown; signal?: AbortSignal };

/**
 * What a page does when the server asks for a recent proof (403 REAUTH_REQUIRED): the account pages
 * register a dialog that asks for the password (and the second step) in place and resolves true
 * once POST /api/auth/reauth succeeded. The call that was refused is then made once more, so the
 * person's click carries on where it stopped (docs/MFA.md "Recent proof").
 */
type ProofPrompt = () => Promise<boolean>;
let proofPrompt: ProofPrompt | null = null;

export function setProofPrompt(prompt: ProofPrompt | null): () => void {
  proofPrompt = prompt;
  return () => {
    if (proofPrompt === prompt) proofPrompt = null;
  };
}

export async function apiFetch<T = unknown>(path: string, options: Options = {}): Promise<ApiResult<T>> {
  const result = await send<T>(path, options);
  if (result.ok || result.error.code !== "REAUTH_REQUIRED" || !proofPrompt) return result;
  return (await proofPrompt()) ? send<T>(path, options) : result;
}

async function send<T>(path: string, { method = "GET", body, signal }: Options): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch {
    return { ok: false, status: 0, data: null, error: { code: "NETWORK_ERROR", error: "" }, retryAfter: null };
  }

  let data: unknown = null;
  try {
    const text = await response.text();
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }

  if (response.ok) return { ok: true, status: response.status, data: data as T, error: null, retryAfter: null };
  return { ok: false, status: response.status, data, error: toApiError(response.status, data), retryAfter: retryAfterSeconds(response) };
}

function toApiError(status: number, data: unknown): ApiError {
  const body = (data && typeof data === "object" ? data : {}) as Partial<ApiError>;
  const code = typeof body.code === "string" ? body.code : status === 429 ? "RATE_LIMITED" : "INTERNAL_ERROR";
  const fields =
    body.fields && typeof body.fields === "object"
      ? Object.fromEntries(Object.entries(body.fields).filter(([, v]) => typeof v === "string"))
      : undefined;
  return { code: code as ClientErrorCode, error: typeof body.error === "string" ? body.error : "", fields };
}

/** Retry-After as whole seconds (delta-seconds or an HTTP date), or null. */
function retryAfterSeconds(response: Response): number | null {
  const raw = response.headers.get("retry-after");
  if (!raw) return null;
  const n = Number(raw);
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
