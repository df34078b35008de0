import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiDocument, contracts } from "@/app/api/contracts";
import { contract as loginContract } from "@/app/api/auth/login/contract";
import * as loginRoute from "@/app/api/auth/login/route";
import { type Contract, defineContract, operationsOf } from "@/lib/openapi/contract";
import { EXAMPLE_ID, EXAMPLE_TOKEN } from "@/lib/openapi/examples";
import { buildDocument, type OpenApiDocument } from "@/lib/openapi/document";
import { primarySuccess, resolveResponses } from "@/lib/openapi/responses";
import { API_DIR, assertDocumented, contractProblems, routeFiles } from "../helpers/contracts";
import { toPostman } from "../helpers/postman";
import { discoverRoutes } from "../helpers/routes";

/** The API document (docs/API.md): complete, true to the routes, valid, and importable into Postman. */

const doc = apiDocument();
const operations = (d: OpenApiDocument) =>
  Object.entries(d.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));

async function validate(d: unknown) {
  const validator = new Validator();
  return validator.validate(d as Record<string, unknown>);
}

describe("the API document", () => {
  it("documents every route method in app/api, and every documented operation has a route", async () => {
    expect(routeFiles().length).toBeGreaterThanOrEqual(17);
    expect(await contractProblems(API_DIR, doc, contracts)).toEqual([]);
  });

  it("documents each JSON body with the very schema object its route passes to readJson", async () => {
    const validation: Record<string, unknown> = {};
    for (const f of readdirSync("lib/validation").filter((f) => f.endsWith(".ts"))) {
      Object.assign(validation, await import(path.resolve("lib/validation", f)));
    }
    const byPath = new Map<string, Contract>(contracts.map((c) => [c.path, c]));
    const routes = await discoverRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      for (const method of route.methods) {
        const op = byPath.get(route.pattern.replace(/\[(\w+)\]/g, "{$1}"))?.[method];
        const where = `${method} ${route.pattern}`;
        if (route.schemaName) expect(op?.body, where).toBe(validation[route.schemaName]);
        else expect(op?.body, where).toBeUndefined();
      }
    }
  });

  it("lists the endpoints of the API reference that exist on this branch", () => {
    expect(operations(doc).sort()).toEqual(
      [
        "POST /api/auth/signup", "POST /api/auth/signup-doctor", "POST /api/auth/verify-otp", "POST /api/auth/resend-otp",
        "POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/logout-all", "GET /api/auth/sessions",
        "DELETE /api/auth/sessions/{id}", "GET /api/users/me", "PATCH /api/users/me",
        "POST /api/auth/forgot-password/request", "POST /api/auth/forgot-password/verify",
        "POST /api/auth/reset-password/{token}", "POST /api/auth/change-password", "POST /api/auth/change-email/request",
        "POST /api/auth/change-email/verify", "GET /api/health", "GET /api/openapi.json",
        // Administration
        "GET /api/users", "GET /api/users/{id}", "PATCH /api/users/{id}", "DELETE /api/users/{id}", "GET /api/audit",
        // Health records and sharing
        "GET /api/records", "POST /api/records", "GET /api/records/{id}", "PATCH /api/records/{id}", "DELETE /api/records/{id}",
        "GET /api/records/{id}/file", "GET /api/records/{id}/thumbnail", "GET /api/records/access-log", "GET /api/doctors", "GET /api/grants",
        "POST /api/grants", "DELETE /api/grants/{id}", "GET /api/patients", "GET /api/patients/{id}/records",
        // Second factor (docs/MFA.md)
        "GET /api/auth/mfa", "POST /api/auth/mfa/totp/setup", "POST /api/auth/mfa/totp/confirm", "POST /api/auth/mfa/totp/disable",
        "POST /api/auth/mfa/recovery-codes",
        "POST /api/auth/mfa/verify", "POST /api/auth/mfa/passkey/options", "POST /api/auth/passkey/options", "POST /api/auth/passkey/login",
        "GET /api/auth/passkeys", "POST /api/auth/passkeys", "POST /api/auth/passkeys/options", "PATCH /api/auth/passkeys/{id}",
        "POST /api/auth/reauth", "POST /api/auth/reauth/passkey/options",
        "DELETE /api/auth/passkeys/{id}", "POST /api/users/{id}/mfa/reset",
        // Notifications
        "GET /api/users/me/notifications", "PATCH /api/users/me/notifications", "GET /api/unsubscribe/{token}",
        "POST /api/unsubscribe/{token}",
        // Your data (docs/PRIVACY.md)
        "GET /api/account/export", "GET /api/account/export/summary", "POST /api/account/deletion", "DELETE /api/account/deletion",
      ].sort(),
    );
  });

  it("passes an OpenAPI 3.1 validator, and every $ref points at a schema that exists", async () => {
    expect(await validate(doc)).toEqual({ valid: true });
    // …and the validator does reject a broken document.
    expect((await validate({ ...doc, paths: { "/api/x": { get: { responses: { "200": {} } } } } })).valid).toBe(false);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.match(/#\/components\/schemas\/([^"]+)"/)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
  });

  it("declares both ways in (the session cookie and a Bearer JWT) once, for the whole document; public operations opt out", () => {
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie", name: "caregate_session" },
      bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(doc.paths["/api/users/me"]!.get!.security).toBeUndefined();
    expect(doc.paths["/api/auth/logout"]!.post!.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }, {}]);
    expect(doc.paths["/api/auth/login"]!.post!.security).toEqual([]);
    // Each operation says what its contract says: signed in (the document's), public, or either.
    const own = { session: undefined, none: [], optional: [{ bearerAuth: [] }, { sessionCookie: [] }, {}] };
    for (const contract of contracts) {
      for (const [method, op] of operationsOf(contract)) {
        expect(doc.paths[contract.path]![method.toLowerCase() as "get"]!.security, `${method} ${contract.path}`).toEqual(own[op.auth]);
      }
    }
  });

  it("gives each error status the codes that endpoint can return, in the { error, code, fields? } body", () => {
    const login = doc.paths["/api/auth/login"]!.post!;
    const codes = (status: string) => (login.responses[status]!.content!["application/json"]!.schema.properties as any).code.enum;
    expect(codes("401")).toEqual(["INVALID_CREDENTIALS"]);
    expect(codes("403")).toEqual(["EMAIL_NOT_VERIFIED", "ACCOUNT_SUSPENDED"]);
    expect(codes("429")).toEqual(["RATE_LIMITED", "TOO_MANY_ATTEMPTS", "ACCOUNT_LOCKED"]);
    expect(login["x-error-codes"]).toContain("UNSUPPORTED_MEDIA_TYPE");
    expect(login.responses["429"]!.headers!["Retry-After"]).toMatchObject({ required: true, schema: { type: "integer" } });
    // Session endpoints may be refused for a foreign Origin (state changes only) or a missing session.
    const logoutAll = doc.paths["/api/auth/logout-all"]!.post!;
    expect(logoutAll["x-error-codes"]).toEqual(["UNAUTHENTICATED", "MFA_SETUP_REQUIRED", "FORBIDDEN_ORIGIN", "INTERNAL_ERROR"]);
    expect(doc.paths["/api/auth/sessions"]!.get!["x-error-codes"]).toEqual(["UNAUTHENTICATED", "MFA_SETUP_REQUIRED", "INTERNAL_ERROR"]);
  });

  it("every operation has a summary, a success answer and an example that its own schemas accept", () => {
    for (const contract of contracts) {
      for (const [method, op] of operationsOf(contract)) {
        const where = `${method} ${contract.path}`;
        expect(op.summary, where).not.toBe("");
        const success = primarySuccess(resolveResponses(method, op));
        expect(success?.status, where).toBeLessThan(300);
        if (success?.kind === "json") expect(success.schema.safeParse(op.example.response).error, `${where} response example`).toBeUndefined();
        if (op.body) expect(op.body.safeParse(op.example.body).error, `${where} body example`).toBeUndefined();
        if (op.params) expect(op.params.safeParse(op.example.params).error, `${where} params example`).toBeUndefined();
        for (const name of contract.path.match(/\{\w+\}/g) ?? []) expect(op.example.params?.[name.slice(1, -1)], where).toBeTruthy();
      }
    }
  });

  it("converts offline into a Postman collection with one request per operation, the Bearer token set once on the collection", async () => {
    const { collection, requests } = await toPostman(doc);
    expect([...requests.keys()].sort()).toEqual(operations(doc).sort());
    // One place to paste the token: the collection. Signed-in requests inherit it (no auth of their
    // own), public ones have none of their own either; those that also work signed out name it.
    expect(collection.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{bearerToken}}" }] });
    const auths = (keys: string[]) => keys.map((k) => requests.get(k)?.auth ?? null);
    const bySecurity = (pick: (s: unknown[] | undefined) => boolean) =>
      Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).filter(([, op]) => pick(op.security)).map(([m]) => `${m.toUpperCase()} ${p}`));
    const signedIn = bySecurity((s) => s === undefined);
    const open = bySecurity((s) => s?.length === 0);
    expect(signedIn.length).toBeGreaterThan(30);
    expect(open).toContain("POST /api/auth/login");
    expect(auths(signedIn)).toEqual(signedIn.map(() => null));
    expect(auths(open)).toEqual(open.map(() => null));
    expect(requests.get("POST /api/auth/logout")!.auth).toEqual(collection.auth);
    // Bodies come filled with the contract's example.
    expect(JSON.parse(requests.get("POST /api/auth/login")!.body!.raw!)).toEqual(loginContract.POST.example.body);
  });
});

describe("the contract check itself", () => {
  const root = mkdtempSync(path.join(tmpdir(), "caregate-contracts-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it("fails for a route without a contract, a contract without a route, and a per-IP limit the contract does not declare", async () => {
    write("api/widgets/route.ts", `export const GET = async () => Response.json({ widgets: [] });\n`);
    write(
      "api/gadgets/[id]/route.ts",
      `const limited = Object.assign(async () => Response.json({}), { options: { ipLimit: true } });\nexport { limited as DELETE };\n`,
    );
    write(
      "api/gadgets/[id]/contract.ts",
      `export const contract = { path: "/api/gadgets/{id}", tag: "Operations", DELETE: { summary: "Remove a gadget", auth: "none", responses: {}, example: { params: { id: "1" } } } };\n`,
    );
    write("api/[...path]/route.ts", `export const GET = async () => new Response(null, { status: 404 });\n`);
    const gadgets = ((await import(path.join(root, "api/gadgets/[id]/contract.ts"))) as { contract: Contract }).contract;
    const orphan = defineContract({
      path: "/api/orphans",
      tag: "Operations",
      GET: { summary: "Nothing answers this", auth: "none", responses: { 200: z.object({}) }, example: { response: {} } },
    });
    const fixture = buildDocument([gadgets, orphan], { serverUrl: "http://localhost:3000", version: "0" });

    expect(await contractProblems(path.join(root, "api"), fixture, [gadgets, orphan])).toEqual([
      "GET /api/widgets has no contract: declare it in widgets/contract.ts and list that in app/api/contracts.ts",
      "GET /api/orphans is documented but no route answers it",
      "DELETE /api/gadgets/{id}: the route applies the per-IP limit but its contract says ipLimit: false",
      "the contract of /api/orphans must be exported as `contract` from orphans/contract.ts",
    ]);
  });
});

describe("uploads and downloads (the records routes' shape)", () => {
  const records = defineContract({
    path: "/api/records/{id}/file",
    tag: "Health records and sharing",
    GET: {
      summary: "Download a record",
      auth: "session",
      responses: {
        200: { binary: ["application/pdf", "image/jpeg", "image/png"], headers: { "Content-Disposition": "attachment; filename=…" } },
      },
      errors: ["NOT_FOUND"],
      example: { params: { id: "3f2b8c1e-5a7d-4e9b-8c2a-1d4e6f8a9b0c" } },
    },
    POST: {
      summary: "Upload (shape test only)",
      auth: "session",
      multipart: z.object({ file: z.file().max(10 * 1024 * 1024), title: z.string().max(200).optional() }),
      responses: { 201: z.strictObject({ id: z.uuid() }) },
      example: { params: { id: "3f2b8c1e-5a7d-4e9b-8c2a-1d4e6f8a9b0c" }, response: { id: "3f2b8c1e-5a7d-4e9b-8c2a-1d4e6f8a9b0c" } },
    },
  });

  it("documents multipart bodies with binary file parts and binary answers, and stays valid", async () => {
    const d = buildDocument([records], { serverUrl: "http://localhost:3000", version: "0" });
    const item = d.paths["/api/records/{id}/file"]!;
    const upload = item.post!.requestBody!.content["multipart/form-data"]!.schema as any;
    expect(upload.properties.file).toMatchObject({ type: "string", format: "binary" });
    expect(upload.required).toEqual(["file"]);
    expect(Object.keys(item.get!.responses["200"]!.content!)).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    expect(item.get!.responses["200"]!.headers).toHaveProperty("Content-Disposition");
    expect(item.post!["x-error-codes"]).toEqual(["VALIDATION_FAILED", "UNAUTHENTICATED", "MFA_SETUP_REQUIRED", "FORBIDDEN_ORIGIN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "INTERNAL_ERROR"]);
    expect(await validate(d)).toEqual({ valid: true });
  });
});

describe("the response check every integration test runs (tests/helpers/http.ts)", () => {
  const json = { "content-type": "application/json" };
  const user = { id: EXAMPLE_ID, email: "a@example.com", name: "A", phone: null, dob: null, gender: null, role: "patient", status: "active", emailVerifiedAt: null, createdAt: "2025-03-01T09:28:40.000Z", deletionScheduledFor: null, locale: "en" };
  const answer = (status: number, body: unknown, headers: Record<string, string> = json) => ({ status, body, headers: new Headers(headers) });

  it("accepts what the contract documents", async () => {
    await expect(assertDocumented(loginRoute.POST, answer(200, { user, token: EXAMPLE_TOKEN }))).resolves.toBeUndefined();
    await expect(assertDocumented(loginRoute.POST, answer(401, { error: "x", code: "INVALID_CREDENTIALS" }))).resolves.toBeUndefined();
    await expect(assertDocumented(loginRoute.POST, answer(429, { error: "x", code: "ACCOUNT_LOCKED" }, { ...json, "retry-after": "3600" }))).resolves.toBeUndefined();
  });

  it("rejects an undocumented field, status, error code, content type or a 429 without Retry-After", async () => {
    const leaks = { user: { ...user, passwordHash: "$argon2id$…" }, token: EXAMPLE_TOKEN };
    await expect(assertDocumented(loginRoute.POST, answer(200, leaks))).rejects.toThrow(/user: Unrecognized key: "passwordHash"/);
    await expect(assertDocumented(loginRoute.POST, answer(409, { error: "x", code: "CONFLICT" }))).rejects.toThrow(/documented statuses are 200, 400, 401/);
    await expect(assertDocumented(loginRoute.POST, answer(401, { error: "x", code: "WRONG_PASSWORD" }))).rejects.toThrow(/code/);
    await expect(assertDocumented(loginRoute.POST, answer(200, "<html>", { "content-type": "text/html" }))).rejects.toThrow(/expected JSON/);
    await expect(assertDocumented(loginRoute.POST, answer(429, { error: "x", code: "RATE_LIMITED" }))).rejects.toThrow(/Retry-After/);
  });

  it("refuses a handler that has no contract", async () => {
    await expect(assertDocumented(async () => new Response(), answer(200, {}))).rejects.toThrow(/has no contract/);
  });
});
