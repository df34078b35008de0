import "server-only";
import { z } from "zod";
import { ERRORS, type ErrorCode } from "@/lib/http/error-codes";
import type { BinaryResponse, JsonResponse, Method, Operation, ResponseSpec } from "./contract";

/**
 * Every answer an operation can give, by status: its declared success bodies plus its error codes
 * grouped by the status lib/http/error-codes.ts gives them. The OpenAPI document and the response
 * checks of the integration tests both read this, so they agree by construction.
 */

export type ResolvedResponse =
  | { kind: "json"; status: number; schema: z.ZodType; description: string; headers: Record<string, string> }
  | { kind: "binary"; status: number; contentTypes: readonly string[]; description: string; headers: Record<string, string> }
  | { kind: "error"; status: number; codes: ErrorCode[]; schema: z.ZodType; description: string; headers: Record<string, string> };

const JSON_BODY_CODES: ErrorCode[] = ["VALIDATION_FAILED", "INVALID_JSON", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"];
const MULTIPART_CODES: ErrorCode[] = ["VALIDATION_FAILED", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"];
const SAFE_METHODS: readonly Method[] = ["GET", "HEAD", "OPTIONS"];

/** The codes an operation can answer: the implied ones (see Operation) first, then its own, without repeats. */
export function errorCodesOf(method: Method, op: Operation): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (op.body) codes.push(...JSON_BODY_CODES);
  if (op.multipart || op.form) codes.push(...MULTIPART_CODES);
  if (op.query) codes.push("VALIDATION_FAILED");
  // MFA_SETUP_REQUIRED: requireSession refuses an account whose two-step set-up is overdue (docs/MFA.md "Policy").
  if (op.auth === "session") codes.push("UNAUTHENTICATED", "MFA_SETUP_REQUIRED");
  // The Origin check guards cookie-authenticated state changes (lib/http/origin.ts).
  if (op.auth !== "none" && !SAFE_METHODS.includes(method)) codes.push("FORBIDDEN_ORIGIN");
  if (op.roles) codes.push("FORBIDDEN");
  if (op.approvedDoctor) codes.push("DOCTOR_NOT_APPROVED");
  if (op.ipLimit) codes.push("RATE_LIMITED");
  codes.push(...(op.errors ?? []), "INTERNAL_ERROR");
  return [...new Set(codes)];
}

/**
 * The error body `{ error, code, fields? }` (docs/RULES.md "Errors"), with `code` narrowed to the
 * given codes. `fields` is documented only where a code that carries it is possible.
 */
export function errorBodySchema(codes: readonly ErrorCode[]): z.ZodType {
  const withFields = codes.some((c) => c === "VALIDATION_FAILED" || c === "WEAK_PASSWORD");
  return z.strictObject({
    error: z.string().meta({ description: "A human-readable message (English today); switch on `code`, never on this text." }),
    code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
    ...(withFields
      ? { fields: z.record(z.string(), z.string()).optional().meta({ description: "A message per invalid field, keyed by field name." }) }
      : {}),
  });
}

const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No content", 400: "Invalid input", 401: "Not signed in, or wrong credentials",
  403: "Signed in but not allowed", 404: "Not found", 405: "Method not allowed", 409: "Conflict", 413: "Too large",
  415: "Unsupported media type", 416: "Range not satisfiable", 429: "Too many requests", 500: "Server failure", 503: "Service unavailable",
};
export const reasonOf = (status: number) => REASONS[status] ?? `HTTP ${status}`;

function isZod(spec: ResponseSpec): spec is z.ZodType {
  return spec instanceof z.ZodType;
}

export function resolveResponses(method: Method, op: Operation): ResolvedResponse[] {
  const out: ResolvedResponse[] = [];
  for (const [key, spec] of Object.entries(op.responses)) {
    const status = Number(key);
    if (!spec) continue;
    if (isZod(spec)) out.push({ kind: "json", status, schema: spec, description: reasonOf(status), headers: {} });
    else if ("binary" in spec) {
      const b = spec as BinaryResponse;
      out.push({ kind: "binary", status, contentTypes: b.binary, description: b.description ?? reasonOf(status), headers: b.headers ?? {} });
    } else {
      const j = spec as JsonResponse;
      out.push({ kind: "json", status, schema: j.schema, description: j.description ?? reasonOf(status), headers: j.headers ?? {} });
    }
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(method, op)) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    if (out.some((r) => r.status === status)) {
      throw new Error(`${method}: status ${status} is declared as a response and also by the error codes ${codes.join(", ")}`);
    }
    const headers: Record<string, string> =
      status === 429 ? { "Retry-After": "Seconds to wait before trying again (a whole number ≥ 1)." } : {};
    out.push({ kind: "error", status, codes, schema: errorBodySchema(codes), description: `${reasonOf(status)}: ${codes.join(", ")}`, headers });
  }
  return out.sort((a, b) => a.status - b.status);
}

/** The status of the first success answer (its body is the example's `response`). */
export function primarySuccess(responses: readonly ResolvedResponse[]): ResolvedResponse | undefined {
  return responses.find((r) => r.kind !== "error" && r.status < 300) ?? responses.find((r) => r.kind !== "error");
}
