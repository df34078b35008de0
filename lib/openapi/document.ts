import "server-only";
import { sessionCookieName } from "@/lib/auth/session/cookie";
import { ERRORS, type ErrorCode } from "@/lib/http/error-codes";
import { en } from "@/lib/i18n/en";
import { type Contract, type Method, type Operation, operationsOf, TAGS } from "./contract";
import { type JsonSchema, SchemaCollector } from "./json-schema";
import { errorBodySchema, primarySuccess, type ResolvedResponse, resolveResponses } from "./responses";

/** The parts of an OpenAPI 3.1 document the reference page reads (the rest is passed through). */
export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Absent: the document's own `security` applies (signed in). */
  security?: SecurityRequirements;
  parameters?: Array<{ name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; example?: string }>;
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, OpenApiResponse>;
  "x-error-codes": ErrorCode[];
};
export type OpenApiResponse = {
  description: string;
  headers?: Record<string, { description: string; required?: boolean; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema; example?: unknown }>;
};
export type SecurityRequirements = Array<Record<string, string[]>>;
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  security: SecurityRequirements;
  tags: Array<{ name: string }>;
  paths: Record<string, Partial<Record<Lowercase<Method>, OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

// Alternatives, in the order tools pick a default: Postman's importer uses the first, and API clients
// use Bearer (it maps the cookie scheme onto a header). Said once for the whole document, so a
// collection imported from it (Postman, Insomnia) carries the token at its top and every signed-in
// request inherits it; public operations override it with `[]`. `{}`: also works without credentials.
const SIGNED_IN: SecurityRequirements = [{ bearerAuth: [] }, { sessionCookie: [] }];
const SECURITY = {
  none: [],
  session: undefined,
  optional: [...SIGNED_IN, {}],
} satisfies Record<Operation["auth"], OpenApiOperation["security"]>;

const DESCRIPTION = [
  "The JSON API of CareGate: everything the browser does is also available here.",
  "",
  "**Authentication.** Browsers use the HttpOnly session cookie set by sign-in (`caregate_session`, or",
  "`__Host-caregate_session` on https). API clients send `Authorization: Bearer <token>` with the `token` returned by",
  "sign-in (and by the endpoints that replace a session).",
  "A cookie-authenticated state change whose `Origin` is another site gets 403 `FORBIDDEN_ORIGIN`.",
  "",
  "**Errors** are always `{ error, code, fields? }`; switch on `code`. Each operation lists the codes it can return",
  "(also in `x-error-codes`). 429 answers carry `Retry-After` (seconds).",
].join("\n");

/** `POST /api/auth/forgot-password/request` → `postAuthForgotPasswordRequest`; `{id}` → `ById`. */
export function operationIdOf(method: Method, path: string): string {
  const words = path
    .replace(/^\/api\//, "")
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith("{") ? `by-${w.slice(1, -1)}` : w))
    .flatMap((w) => w.split(/[-.]/));
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

export function buildDocument(contracts: readonly Contract[], options: { serverUrl: string; version: string }): OpenApiDocument {
  const schemas = new SchemaCollector();
  const paths: OpenApiDocument["paths"] = {};
  for (const contract of contracts) {
    if (paths[contract.path]) throw new Error(`${contract.path} has two contracts`);
    const item: OpenApiDocument["paths"][string] = {};
    for (const [method, op] of operationsOf(contract)) {
      item[method.toLowerCase() as Lowercase<Method>] = operation(schemas, contract, method, op);
    }
    paths[contract.path] = item;
  }
  // The general error body, with every code the API has, for clients that want one type.
  schemas.components.Error = schemas.convert(errorBodySchema(Object.keys(ERRORS) as ErrorCode[]), "output");
  return {
    openapi: "3.1.0",
    info: { title: "CareGate API", version: options.version, description: DESCRIPTION },
    servers: [{ url: options.serverUrl }],
    security: SIGNED_IN,
    tags: TAGS.filter((t) => contracts.some((c) => c.tag === t)).map((name) => ({ name })),
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        // The name this deployment uses: `__Host-caregate_session` on https, `caregate_session` on local http.
        sessionCookie: { type: "apiKey", in: "cookie", name: sessionCookieName(), description: "Set by sign-in (HttpOnly, SameSite=Lax)." },
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The `token` from sign-in." },
      },
    },
  };
}

function operation(schemas: SchemaCollector, contract: Contract, method: Method, op: Operation): OpenApiOperation {
  // Keys are added in reading order (parameters and body before responses): the JSON is read by people too.
  const where = `${method} ${contract.path}`;
  if ((op.duringMfaSetup || op.approvedDoctor) && op.auth !== "session") throw new Error(`${where}: duringMfaSetup and approvedDoctor need auth: "session"`);
  // Without roles any signed-in user may call it, doctors included (a record's readers); with them, a doctor must be one.
  if (op.approvedDoctor && op.roles && !op.roles.includes("doctor")) throw new Error(`${where}: approvedDoctor needs "doctor" among the roles`);
  const responses = resolveResponses(method, op);
  const notes = [
    op.description,
    op.roles && `Only for: ${op.roles.join(", ")}.`,
    op.ipLimit && "Counts toward the per-client-IP limit shared by the sign-in, sign-up, code and reset endpoints.",
  ].filter(Boolean);
  const result = {
    operationId: operationIdOf(method, contract.path),
    summary: op.summary,
    ...(notes.length ? { description: notes.join("\n\n") } : {}),
    tags: [contract.tag],
    ...(SECURITY[op.auth] ? { security: SECURITY[op.auth] } : {}),
  } as OpenApiOperation;
  const parameters = [...pathParameters(schemas, contract.path, op), ...queryParameters(schemas, op)];
  if (parameters.length) result.parameters = parameters;
  if ([op.body, op.multipart, op.form].filter(Boolean).length > 1) throw new Error(`${where}: a body is JSON, multipart or a form, only one`);
  let firstField = "body";
  if (op.body || op.multipart || op.form) {
    const [type, schema] = op.body
      ? ["application/json", op.body]
      : op.multipart
        ? ["multipart/form-data", op.multipart]
        : ["application/x-www-form-urlencoded", op.form!];
    const json = schemas.convert(schema, "input");
    firstField = Object.keys(propertiesOf(json))[0] ?? firstField;
    result.requestBody = { required: true, content: { [type]: { schema: json, ...(op.example.body !== undefined ? { example: op.example.body } : {}) } } };
  }
  const primary = primarySuccess(responses);
  result.responses = Object.fromEntries(
    responses.map((r) => [String(r.status), response(schemas, r, r === primary ? op.example.response : undefined, firstField)]),
  );
  result["x-error-codes"] = responses.flatMap((r) => (r.kind === "error" ? r.codes : []));
  return result;
}

function pathParameters(schemas: SchemaCollector, path: string, op: Operation): NonNullable<OpenApiOperation["parameters"]> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const declared = op.params ? propertiesOf(schemas.convert(op.params, "input")) : {};
  for (const name of Object.keys(declared)) {
    if (!names.includes(name)) throw new Error(`${path}: params declares "${name}", which is not in the path`);
  }
  return names.map((name) => ({
    name,
    in: "path" as const,
    required: true,
    schema: declared[name] ?? { type: "string" },
    ...(op.example.params?.[name] ? { example: op.example.params[name] } : {}),
  }));
}

function queryParameters(schemas: SchemaCollector, op: Operation): NonNullable<OpenApiOperation["parameters"]> {
  if (!op.query) return [];
  const json = schemas.convert(op.query, "input");
  const required = (json.required as string[] | undefined) ?? [];
  return Object.entries(propertiesOf(json)).map(([name, schema]) => ({
    name,
    in: "query" as const,
    required: required.includes(name),
    schema,
    ...(op.example.query?.[name] ? { example: op.example.query[name] } : {}),
  }));
}

const propertiesOf = (json: JsonSchema) => (json.properties ?? {}) as Record<string, JsonSchema>;

function response(schemas: SchemaCollector, r: ResolvedResponse, example: unknown, field: string): OpenApiResponse {
  const out: OpenApiResponse = { description: r.description };
  const headers = Object.entries(r.headers);
  if (headers.length) {
    out.headers = Object.fromEntries(
      headers.map(([name, description]) => [
        name,
        name === "Retry-After"
          ? { description, required: true, schema: { type: "integer", minimum: 1 } }
          : { description, schema: { type: "string" } },
      ]),
    );
  }
  if (r.kind === "binary") {
    out.content = Object.fromEntries(r.contentTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t } }]));
  } else if (r.kind === "error") {
    const code = r.codes[0]!;
    const fields = code === "VALIDATION_FAILED" ? { fields: { [field]: "This field is not valid." } } : {};
    out.content = { "application/json": { schema: schemas.convert(r.schema, "output"), example: { error: en.errors[code], code, ...fields } } };
  } else {
    out.content = { "application/json": { schema: schemas.convert(r.schema, "output"), ...(example !== undefined ? { example } : {}) } };
  }
  return out;
}
