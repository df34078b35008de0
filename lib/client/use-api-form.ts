"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldValues, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ClientErrorCode } from "@/lib/http/error-codes";
import { apiFetch } from "./api";
import { useApiErrorWords } from "@/lib/i18n/hooks";
import { applyApiError } from "./form-errors";

/**
 * Why this exists: every form in the app does the same thing around its fields: validate in the
 * browser with the route's own zod schema, send the parsed values to one JSON endpoint, put the
 * server's errors beside the fields they name (applyApiError) and the rest in a banner, remember the
 * error code for forms that offer a way out on certain codes (e.g. "confirm your email"), confirm
 * success, and keep the button busy while a successful submit moves to the next page. Ten forms
 * wrote that by hand and drifted in small ways (which state is cleared when, whether a code without
 * a message still counts); here it is written once, so a form states only what is its own: the
 * schema, the endpoint, where codes go, and what success means.
 */

type Method = "POST" | "PATCH" | "PUT" | "DELETE";

/** A failed submit: the banner text (null when every message already sits beside a field), its code, and what was sent. */
export type ApiFormFailure<Out> = { message: string | null; code: ClientErrorCode; values: Out };
/** A successful submit: the response body and what was sent. */
export type ApiFormSuccess<Out, T> = { data: T; values: Out };

export type ApiFormOptions<In extends FieldValues, Out extends FieldValues, T> = {
  /** The JSON endpoint the parsed values go to (same origin, see lib/client/api.ts). */
  endpoint: string;
  /** POST unless said otherwise. */
  method?: Method;
  /** The request body made from the parsed values; the values themselves by default. */
  body?: (values: Out) => unknown;
  defaultValues: DefaultValues<In>;
  /** Server `fields` with these names go beside their input; the keys of `defaultValues` by default. */
  fields?: readonly Path<In>[];
  /** Codes that belong to one field when the server names none (e.g. INVALID_CODE → "code"). */
  codeToField?: Partial<Record<ClientErrorCode, Path<In>>>;
  /**
   * Runs after validation, before anything is sent. Returning a failure shows it as the banner and
   * sends nothing (e.g. a reset link that lost its token).
   */
  beforeSend?: (values: Out) => { code: ClientErrorCode; message: string } | void;
  /** What success means for this form (navigate, reset the fields, tell a parent). */
  onSuccess?: (data: T, values: Out, form: UseFormReturn<In, unknown, Out>) => void;
  /** The confirmation shown after success (`successMessage` in the result), if the form stays. */
  successMessage?: string | ((success: ApiFormSuccess<Out, T>) => string);
  /**
   * Success navigates away: the submit button stays busy until the next page replaces this one,
   * so it cannot be pressed a second time in between.
   */
  leavesPage?: boolean;
};

export function useApiForm<In extends FieldValues, Out extends FieldValues, T = unknown>(
  schema: z.ZodType<Out, In>,
  options: ApiFormOptions<In, Out, T>,
) {
  const [failure, setFailure] = useState<ApiFormFailure<Out> | null>(null);
  const [success, setSuccess] = useState<ApiFormSuccess<Out, T> | null>(null);
  const [leaving, setLeaving] = useState(false);
  const words = useApiErrorWords();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues: options.defaultValues });
  // Read during render: react-hook-form only re-renders for the parts of formState that were read.
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSuccess(null);
    const refused = options.beforeSend?.(values);
    if (refused) return setFailure({ ...refused, values });
    const body = options.body ? options.body(values) : values;
    const res = await apiFetch<T>(options.endpoint, { method: options.method ?? "POST", body });
    if (res.ok) {
      if (options.leavesPage) setLeaving(true);
      options.onSuccess?.(res.data, values, form);
      setSuccess({ data: res.data, values });
      return;
    }
    const fields = options.fields ?? (Object.keys(options.defaultValues) as Path<In>[]);
    const message = applyApiError(res, form.setError, { fields, codeToField: options.codeToField }, words);
    setFailure({ message, code: res.error.code, values });
  });

  const { successMessage } = options;
  return {
    form,
    register: form.register,
    control: form.control,
    errors,
    onSubmit,
    /** True while the request is in flight, and after a success that leaves the page. */
    pending: isSubmitting || leaving,
    failure,
    banner: failure?.message ?? null,
    errorCode: failure?.code ?? null,
    success,
    successMessage: success && successMessage ? (typeof successMessage === "string" ? successMessage : successMessage(success)) : null,
    /** For a second action on the same page (e.g. "send a new code") that replaces the banner with its own. */
    clearBanner: () => setFailure(null),
  };
}
