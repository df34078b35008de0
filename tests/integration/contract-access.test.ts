import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts } from "@/app/api/contracts";
import { handler, json } from "@/lib/http/handler";
import { type Contract, defineContract, IdParams, type Method, operationsOf, type Operation } from "@/lib/openapi/contract";
import { route } from "@/lib/openapi/route";
import { verifiedPatient } from "../helpers/accounts";
import { signedInAdmin, signedInSuperadmin } from "../helpers/admins";
import { API_DIR, routeFiles } from "../helpers/contracts";
import { setApproval, verifiedDoctor } from "../helpers/doctors";
import { randomIp } from "../helpers/http";

/**
 * Every route keeps what its contract says about who may call it (docs/API.md "Adding a contract"),
 * generated from the contracts so no endpoint is forgotten: an operation with `auth: "session"`
 * refuses a caller without a session (401), one with `roles` refuses a signed-in caller of another
 * role (403 FORBIDDEN), and a malformed `{id}` is 404 NOT_FOUND. Routes declared with route() get
 * this from their contract by construction; routes still on handler() must say it themselves, and
 * a handler that forgets a check its contract promises fails here (see the last test).
 */

type Who = { role: string; token: string };
type RouteFn = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(fn: RouteFn, method: Method, path: string, params: Record<string, string>, who?: Who) {
  const headers = new Headers({ "x-forwarded-for": randomIp(), "user-agent": "vitest", "content-type": "application/json" });
  if (who) headers.set("authorization", `Bearer ${who.token}`);
  const body = ["GET", "HEAD", "DELETE"].includes(method) ? undefined : "{}";
  const request = new Request(`http://localhost:3000${path}`, { method, headers, body });
  const response = await fn(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, code: (text.startsWith("{") ? JSON.parse(text) : {}).code as string | undefined };
}

/** What an operation's answers to the wrong callers should be, and what they were, as a list of mismatches. */
async function accessProblems(fn: RouteFn, method: Method, path: string, op: Operation, callers: Who[]): Promise<string[]> {
  const problems: string[] = [];
  const where = `${method} ${path}`;
  const id = randomUUID();
  const params: Record<string, string> = path.includes("{id}") ? { id } : path.includes("{token}") ? { token: "x".repeat(43) } : {};
  const url = path.replace("{id}", id);
  const expectAnswer = (got: { status: number; code?: string }, status: number, code: string, who: string) => {
    if (got.status !== status || got.code !== code) problems.push(`${where} as ${who}: ${got.status} ${got.code}, its contract says ${status} ${code}`);
  };
  if (op.auth === "session") expectAnswer(await send(fn, method, url, params), 401, "UNAUTHENTICATED", "nobody");
  const outsider = op.roles && callers.find((c) => !op.roles!.includes(c.role as never));
  if (outsider) expectAnswer(await send(fn, method, url, params, outsider), 403, "FORBIDDEN", outsider.role);
  const insider = op.auth === "session" ? callers.find((c) => !op.roles || op.roles.includes(c.role as never)) : undefined;
  if (insider && op.params && "id" in op.params.shape) {
    expectAnswer(await send(fn, method, path.replace("{id}", "not-a-uuid"), { id: "not-a-uuid" }, insider), 404, "NOT_FOUND", `${insider.role} with a malformed id`);
  }
  return problems;
}

describe("who may call each route, as its contract says", () => {
  const callers: Who[] = [];

  beforeAll(async () => {
    const patient = await verifiedPatient();
    const doctor = await verifiedDoctor();
    await setApproval(doctor.user.id, "approved");
    const admin = await signedInAdmin();
    const root = await signedInSuperadmin();
    callers.push(
      { role: "patient", token: patient.token },
      { role: "doctor", token: doctor.token },
      { role: "admin", token: admin.token },
      { role: "superadmin", token: root.token },
    );
  }, 120_000);

  it("refuses the signed-out (401), the other roles (403) and malformed ids (404) on every route", async () => {
    const byPath = new Map<string, Contract>(contracts.map((c) => [c.path, c]));
    const problems: string[] = [];
    let checked = 0;
    for (const file of routeFiles(API_DIR)) {
      const mod = (await import(file.file)) as Record<string, RouteFn>;
      for (const [method, op] of operationsOf(byPath.get(file.path)!)) {
        problems.push(...(await accessProblems(mod[method]!, method, file.path, op, callers)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 120_000);

  it("catches a handler that forgets what its contract promises, and route() cannot forget it", async () => {
    const contract = defineContract({
      path: "/api/widgets/{id}",
      tag: "Administration",
      DELETE: {
        summary: "Remove a widget",
        auth: "session",
        roles: ["admin"],
        params: IdParams,
        responses: {},
        example: { params: { id: randomUUID() } },
      },
    });
    const forgetful = handler<Record<string, string>>(async () => json({ success: true }));
    expect(await accessProblems(forgetful, "DELETE", contract.path, contract.DELETE, callers)).toEqual([
      "DELETE /api/widgets/{id} as nobody: 200 undefined, its contract says 401 UNAUTHENTICATED",
      "DELETE /api/widgets/{id} as patient: 200 undefined, its contract says 403 FORBIDDEN",
      "DELETE /api/widgets/{id} as admin with a malformed id: 200 undefined, its contract says 404 NOT_FOUND",
    ]);
    const declared = route(contract.DELETE, async () => json({ success: true }));
    expect(await accessProblems(declared, "DELETE", contract.path, contract.DELETE, callers)).toEqual([]);
  });
});
