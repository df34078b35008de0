import "server-only";
import type { ZodType, z } from "zod";
import { msg } from "@/lib/validation/messages";
import { AppError } from "./app-error";
import { MAX_JSON_BODY_BYTES, readBodyLimited } from "./body";

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * Reads a small HTML-form body (urlencoded, or multipart as RFC 8058 prefers for one-click
 * unsubscribe) under the JSON size limit, and validates its text fields with `schema`.
 */
export async function readForm<S extends ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPE.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: "Send a form: application/x-www-form-urlencoded or multipart/form-data." });
  const bytes = await readBodyLimited(request, MAX_JSON_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(Buffer.from(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("VALIDATION_FAILED", { fields: { body: msg("body.form") } });
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] ??= value;
  return schema.parseAsync(fields);
}
