import "server-only";
import { z } from "zod";
import type { ErrorCode } from "@/lib/http/error-codes";
import type { ROLES } from "@/lib/validation/responses";

/**
 * What one route promises, declared next to it in `app/api/<path>/contract.ts` (docs/API.md "Adding a
 * contract"). The OpenAPI document, the /docs/api page and the response checks of the integration
 * tests are all built from these objects, so the documentation cannot drift from the code.
 */

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

/** The groups of the reference, in the order the page shows them. */
export const TAGS = [
  "Accounts and sessions",
  "Passwords and email",
  "Administration",
  "Health records and sharing",
  "Your data",
  "Operations",
] as const;
export type Tag = (typeof TAGS)[number];

/** A JSON success body with a description and response headers worth telling a client about. */
export type JsonResponse = { schema: z.ZodType; description?: string; headers?: Record<string, string> };
/** A download: the bytes of one of these media types (e.g. `GET /api/records/{id}/file`). */
export type BinaryResponse = { binary: readonly string[]; description?: string; headers?: Record<string, string> };
export type ResponseSpec = z.ZodType | JsonResponse | BinaryResponse;

export type Operation = {
  summary: string;
  description?: string;
  /**
   * "session": a signed-in caller (cookie or Bearer) — implies 401 UNAUTHENTICATED, 403 MFA_SETUP_REQUIRED, and 403
   * FORBIDDEN_ORIGIN for state changes; "optional": works with or without one (sign-out).
   */
  auth: "none" | "optional" | "session";
  /**
   * With "session": stays open to an account whose MFA set-up is overdue (docs/MFA.md "Policy"): the set-up
   * endpoints, sign-out and reading the own account. The document says the same either way.
   */
  duringMfaSetup?: boolean;
  /** Only these roles — implies 403 FORBIDDEN. */
  roles?: readonly (typeof ROLES)[number][];
  /**
   * With "session": a doctor among the roles (or, without roles, any doctor) must be approved — implies 403
   * DOCTOR_NOT_APPROVED.
   */
  approvedDoctor?: boolean;
  /**
   * Counted in the shared per-IP bucket — implies 429 RATE_LIMITED. `"with-first-statement"`: the flow
   * counts it in its own first statement (see HandlerOptions in lib/http/handler.ts); documented alike.
   */
  ipLimit?: boolean | "with-first-statement";
  /**
   * Path parameters, parsed by the route wrapper: one that fails answers 404 NOT_FOUND (use `IdParams`
   * for `{id}`). Any `{name}` of the path not described here is documented and handed over as a string.
   */
  params?: z.ZodObject;
  /** Query parameters, parsed by the route wrapper (one value per key of its shape) — implies 400 VALIDATION_FAILED. */
  query?: z.ZodObject;
  /** JSON body, read by the route wrapper with readJson — implies 400 VALIDATION_FAILED and INVALID_JSON, 413, 415. */
  body?: z.ZodType;
  /**
   * multipart/form-data body (uploads; `z.file()` for file parts) — implies 400 VALIDATION_FAILED, 413, 415.
   * For the document only: the handler streams the request itself.
   */
  multipart?: z.ZodObject;
  /** A form body (`application/x-www-form-urlencoded`, e.g. RFC 8058 one-click unsubscribe) — implies 400 VALIDATION_FAILED, 413, 415. */
  form?: z.ZodObject;
  /** Success (and other non-error) answers by status, e.g. `{ 200: UserResponseSchema }`. */
  responses: Partial<Record<number, ResponseSpec>>;
  /**
   * The error codes this endpoint raises itself, beyond those implied above and the 500
   * INTERNAL_ERROR every endpoint can answer. Their statuses come from lib/http/error-codes.ts.
   */
  errors?: readonly ErrorCode[];
  /** One realistic call, shown in the reference and checked against the schemas by the contract test. */
  example: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    /** The body of the first success response. Omit for binary answers. */
    response?: unknown;
  };
};

/** The path parameter of every `{id}` route: a malformed id is the same 404 NOT_FOUND as an unknown one. */
export const IdParams = z.object({ id: z.uuid() });

export type Contract = { path: `/api/${string}`; tag: Tag } & { [M in Method]?: Operation };

/** Identity at runtime; keeps the literal types (so a route may import `contract.POST.body`). */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

/** The operations of a contract, in METHODS order. */
export function operationsOf(contract: Contract): Array<[Method, Operation]> {
  return METHODS.flatMap((m) => (contract[m] ? [[m, contract[m]] as [Method, Operation]] : []));
}
