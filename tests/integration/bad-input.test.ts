import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/lib/db/schema";
import { ERRORS, type ErrorCode } from "@/lib/http/error-codes";
import { MAX_JSON_BODY_BYTES } from "@/lib/http/handler";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { uniqueLicense } from "../helpers/data";
import { setApproval, verifiedDoctor } from "../helpers/doctors";
import { randomIp } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { discoverRoutes, type Method, type RouteInfo, snapshot } from "../helpers/routes";

/**
 * Generated bad input (docs/RULES.md "Request bodies", "Errors"): every POST/PATCH/PUT of every
 * route under app/api gets NUL and other control characters, lone surrogates, huge strings, deep
 * nesting, wrong types and prototype keys — field by field, with the other fields valid, so each
 * body is wrong in exactly the way named — signed out and as each kind of account. Nothing may
 * answer 5xx, every 4xx is the error shape, and nothing may change: the accounts' rows, the rows
 * of any email a body carried, and the mail sent are compared before and after.
 */
const MARKER = "bad-input.test";
const email = () => `x-${randomUUID().slice(0, 8)}@${MARKER}`;
const PASSWORD = "Quiet-Harbour-Lantern-77";

type Identity = { name: string; token?: string; password?: string; userId?: string; role?: string };
type Case = { label: string; body: string | Uint8Array; contentType?: string; field?: string; expect: "field" | "control" | "413" | "any" };

/** A valid value of every field any route reads; a route with a field missing here fails loudly. */
function sample(field: string, who: Identity): unknown {
  const values: Record<string, unknown> = {
    name: "Ada Lovelace", email: email(), newEmail: email(), password: PASSWORD, newPassword: PASSWORD,
    confirmPassword: PASSWORD, currentPassword: who.password ?? PASSWORD, phone: "+44 20 7946 0000",
    specialty: "Cardiology", licenseNumber: uniqueLicense(), code: "123456", dob: "1990-01-01", gender: "female",
    signupId: randomUUID(), doctorId: randomUUID(), userId: randomUUID(), expiresAt: "2099-01-01T00:00:00Z",
    title: "Blood test", role: "patient", status: "active", approval: "approved", reason: "A reason",
    mfaToken: "A".repeat(32), recoveryCode: "abcde-12345", passkey: { id: "credential-id", type: "public-key" },
    challengeId: randomUUID(), response: { id: "credential-id", type: "public-key" }, category: "lab", documentDate: "2024-05-06",
    recordViewed: true, grantExpiring: true, locale: "en",
  };
  if (!(field in values)) throw new Error(`no sample value for the field "${field}": add one to tests/integration/bad-input.test.ts`);
  return values[field];
}

const nested = (depth: number, leaf: string) => "[".repeat(depth) + leaf + "]".repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
const insert = (s: string, bad: string) => s.slice(0, Math.min(3, s.length - 1)) + bad + s.slice(Math.min(3, s.length - 1));
const PROTO = '"__proto__":{"polluted":"yes","role":"superadmin"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';

/**
 * Fields of which a body carries exactly one (a second-factor proof): the body under test keeps the
 * field being tested, or else the first of the group, and leaves the others out.
 */
const ONE_OF = [["code", "recoveryCode", "passkey"]];
function companions(fields: string[], field: string): string[] {
  return fields.filter((f) => {
    if (f === field) return false;
    const group = ONE_OF.find((g) => g.includes(f));
    if (!group) return true;
    const present = group.filter((g) => fields.includes(g));
    return group.includes(field) ? false : f === present[0];
  });
}

/** Field F replaced by `raw` (JSON text), the other fields valid. */
function withField(fields: string[], who: Identity, field: string, raw: string, extra = ""): string {
  const parts = companions(fields, field).map((f) => `${JSON.stringify(f)}:${JSON.stringify(sample(f, who))}`);
  parts.push(`${JSON.stringify(field)}:${raw}`);
  if (extra) parts.push(extra);
  return `{${parts.join(",")}}`;
}

function fieldCases(route: RouteInfo, who: Identity): Case[] {
  const shape = route.schema!.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
  const fields = Object.keys(shape);
  const cases: Case[] = [];
  for (const f of fields) {
    const good = String(sample(f, who));
    const at = (label: string, raw: string, expect: Case["expect"], extra = "") =>
      cases.push({ label: `${f}: ${label}`, body: withField(fields, who, f, raw, extra), field: f, expect });
    for (const c of ["\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u001f", "\u007f"]) {
      at(`control U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`, JSON.stringify(insert(good, c)), "control");
    }
    for (const s of ["\ud800", "\udfff", "\udc00\ud800"]) at(`lone surrogate ${JSON.stringify(s)}`, JSON.stringify(insert(good, s)), "control");
    at("60 KB string", JSON.stringify("a".repeat(60_000)), "field");
    at("100 KB string", JSON.stringify("a".repeat(100_000)), "413");
    at("10k nested arrays", nested(10_000, JSON.stringify(good)), "field");
    at("10k nested objects", nestedObject(10_000), "field");
    const wrong = ["42", "-1", "0", "1.5", "1e308", "true", "false", "[]", `[${JSON.stringify(good)}]`, "{}", `{"value":${JSON.stringify(good)}}`, `{${PROTO}}`];
    if (!shape[f]!.safeParse(null).success) wrong.push("null");
    // "true" is the wrong type for a text field but the right one for a switch (recordViewed).
    for (const raw of wrong) if (!shape[f]!.safeParse(JSON.parse(raw)).success) at(`wrong type ${raw.slice(0, 40)}`, raw, "field");
    // Prototype keys beside the fields, with this field wrong so that the body is refused.
    at("prototype keys at the top level", "42", "field", PROTO);
  }
  return cases;
}

function wholeBodyCases(): Case[] {
  const bytes = (s: string) => new TextEncoder().encode(s);
  return [
    ...["[]", '"text"', "42", "null", "true", "[{}]"].map((body) => ({ label: `body ${body}`, body, expect: "any" as const })),
    ...["", "{", '{"a":}', "{\u0000}", "\u0000", '{"a":"\u0000"}', "NaN", "{'a':1}"].map((body) => ({ label: `invalid JSON ${JSON.stringify(body)}`, body, expect: "any" as const })),
    { label: "not UTF-8", body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), expect: "any" },
    { label: "10k nested arrays as the body", body: nested(10_000, "1"), expect: "any" },
    { label: "30k nested arrays as the body", body: nested(30_000, "1"), expect: "any" },
    { label: "10k nested objects as the body", body: nestedObject(10_000), expect: "any" },
    { label: "only prototype keys", body: `{${PROTO}}`, expect: "any" },
    { label: "text/plain", body: "{}", contentType: "text/plain", expect: "any" },
    { label: "no content type", body: "{}", contentType: "", expect: "any" },
    { label: "200 KB body", body: bytes(`{"x":"${"a".repeat(200_000)}"}`), expect: "413" },
  ];
}

async function send(route: RouteInfo, method: Method, who: Identity, c: Case, params: Record<string, string | string[]>) {
  const headers = new Headers({ "x-forwarded-for": randomIp(), "user-agent": "bad-input" });
  if (c.contentType !== "") headers.set("content-type", c.contentType ?? "application/json");
  if (who.token) headers.set("authorization", `Bearer ${who.token}`);
  const url = `http://localhost:3000${route.pattern}`;
  const request = new Request(url, { method, headers, body: c.body as BodyInit });
  const fn = route.module[method] as (r: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
  const res = await fn(request, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** What a failure must look like: the error shape, a known code, its own status, fields when VALIDATION_FAILED. */
function expectErrorShape(res: Awaited<ReturnType<typeof send>>, where: string) {
  expect(res.status, `${where}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  const body = res.body!;
  expect(Object.keys(body).every((k) => ["error", "code", "fields"].includes(k)), where).toBe(true);
  expect(typeof body.error, where).toBe("string");
  const code = body.code as ErrorCode;
  expect(ERRORS[code]?.status, `${where}: code ${String(code)}`).toBe(res.status);
  if (code === "VALIDATION_FAILED") {
    expect(body.fields, where).toBeTypeOf("object");
    expect(Object.values(body.fields as object).every((v) => typeof v === "string"), where).toBe(true);
  }
}

/** The answer a case must get when nothing but the body stands in the way. */
function expectVerdict(res: Awaited<ReturnType<typeof send>>, c: Case, where: string) {
  // An object-valued field (a WebAuthn response) names its bad member: "passkey.id" counts as "passkey".
  const named = Object.keys((res.body?.fields ?? {}) as Record<string, string>).map((k) => k.split(".")[0]!);
  const fields = Object.fromEntries(named.map((k) => [k, ""]));
  // When the caller may not use the route at all, the body is not what stands in the way.
  if (["UNAUTHENTICATED", "FORBIDDEN", "DOCTOR_NOT_APPROVED", "MFA_SETUP_REQUIRED"].includes(String(res.body?.code))) return;
  if (c.expect === "413") return expect(res.body?.code, where).toBe("PAYLOAD_TOO_LARGE");
  if (c.expect === "control") {
    expect(res.body?.code, where).toBe("VALIDATION_FAILED");
    return expect(Object.keys(fields), where).toContain(c.field);
  }
  if (c.expect === "field") {
    expect(res.status, where).toBe(400);
    expect(["VALIDATION_FAILED", "WEAK_PASSWORD", "PASSWORD_MISMATCH"], where).toContain(res.body?.code);
    expect(Object.keys(fields), where).toContain(c.field);
  }
}

describe("bad input to every JSON endpoint", () => {
  let routes: RouteInfo[];
  const identities: Identity[] = [{ name: "signed out" }];

  beforeAll(async () => {
    routes = await discoverRoutes();
    const p = await verifiedPatient();
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    const s = await verifiedPatient();
    await (await db()).update(users).set({ role: "superadmin" }).where(eq(users.id, s.user.id));
    identities.push(
      { name: "patient", token: p.token, password: p.password, userId: p.user.id, role: "patient" },
      { name: "approved doctor", token: d.token, password: d.password, userId: d.user.id, role: "doctor" },
      { name: "superadmin", token: s.token, password: s.password, userId: s.user.id, role: "superadmin" },
    );
  }, 120_000);

  it("finds the routes it is meant to cover", () => {
    const names = routes.map((r) => r.pattern);
    for (const p of ["/api/auth/signup", "/api/auth/signup-doctor", "/api/auth/login", "/api/users/me", "/api/auth/reset-password/[token]"]) expect(names).toContain(p);
    expect(routes.filter((r) => r.schema).length).toBeGreaterThanOrEqual(12);
  });

  it("answers every bad body with a 4xx in the error shape, changes nothing and sends no mail", async () => {
    const userIds = identities.flatMap((i) => (i.userId ? [i.userId] : []));
    // The set-up's own code emails may still be on their way: their rows change when they are sent.
    await settle();
    const before = await snapshot(userIds, MARKER);
    const mailBefore = mail.messages.length;
    let sent = 0;
    for (const route of routes) {
      const params = Object.fromEntries(route.params.map((p) => [p, p === "path" ? ["bad", "input"] : p === "id" ? userIds[0]! : "x".repeat(43)]));
      for (const method of route.methods) {
        for (const who of identities) {
          // A route that reads no body is only called signed out: signed in, logout would (rightly) end the session.
          if (!route.schema && who.token) continue;
          const cases = [...wholeBodyCases(), ...(route.schema ? fieldCases(route, who) : [])];
          const allowed = !route.needsSession || (who.token && (!route.roles || route.roles.includes(who.role!)));
          for (const c of cases) {
            const where = `${method} ${route.pattern} as ${who.name}, ${c.label}`;
            const res = await send(route, method, who, c, params);
            sent++;
            expectErrorShape(res, where);
            expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
            if (route.needsSession && !who.token) expect(res.status, where).toBe(401);
            else if (!allowed) expect(res.status, where).toBe(403);
            // "any": no 5xx and the error shape (above) and no change (below) is the whole verdict —
            // e.g. PATCH /api/users/me with only unknown keys is a 200 that changes nothing.
            else if (route.schema && c.expect !== "any") expectVerdict(res, c, where);
          }
        }
      }
    }
    console.info(`bad-input: ${sent} requests to ${routes.length} routes`);
    await new Promise((r) => setTimeout(r, 300)); // anything sent by mistake would arrive by now
    expect(mail.messages.length - mailBefore).toBe(0);
    expect(await snapshot(userIds, MARKER)).toEqual(before);
  }, 600_000);

  it("a valid sign-up carrying prototype keys creates a plain patient and pollutes nothing", async () => {
    const route = routes.find((r) => r.pattern === "/api/auth/signup")!;
    const address = `proto-${randomUUID().slice(0, 8)}@example.test`;
    const body = `{"name":"Proto Type","email":"${address}","password":"${PASSWORD}",${PROTO},"role":"superadmin","emailVerifiedAt":"2020-01-01T00:00:00Z"}`;
    const res = await send(route, "POST", identities[0]!, { label: "proto", body, expect: "any" }, {});
    expect(res.status).toBe(201);
    const [row] = await (await db()).select().from(users).where(eq(users.email, address));
    expect(row).toMatchObject({ role: "patient", emailVerifiedAt: null, status: "active" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(MAX_JSON_BODY_BYTES).toBe(64 * 1024);
  });
});
