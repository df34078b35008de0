import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as logoutRoute from "@/app/api/auth/logout/route";
import { requireApprovedDoctor } from "@/lib/auth/session/sessions";
import { doctorProfiles, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { toErrorResponse } from "@/lib/http/handler";
import { verifiedPatient } from "../helpers/accounts";
import { db } from "../helpers/db";
import { setApproval, verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import { credentialsFor } from "../helpers/actor";

/** What route() reads of a real Request as a doctor-only API would receive it. */
function apiRequest(auth: { token?: string; cookie?: string } = {}, init: { method?: string; origin?: string } = {}) {
  return credentialsFor(rawRequest(auth, init));
}

function rawRequest(auth: { token?: string; cookie?: string } = {}, init: { method?: string; origin?: string } = {}) {
  const headers = new Headers({ "user-agent": "vitest", "x-forwarded-for": "10.9.9.9" });
  if (auth.token) headers.set("authorization", `Bearer ${auth.token}`);
  if (auth.cookie) headers.set("cookie", auth.cookie);
  if (init.origin) headers.set("origin", init.origin);
  return new Request("http://localhost:3000/api/doctor/patients", { method: init.method ?? "GET", headers });
}

/** The guard's rejection, checked both as an AppError and as the HTTP answer the handler wrapper makes of it. */
async function rejection(p: Promise<unknown>, status: number, code: string) {
  const e = await p.then(
    () => {
      throw new Error(`expected ${status} ${code}, but the guard let the request through`);
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect(e).toMatchObject({ status, code });
  const res = toErrorResponse(e);
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: expect.any(String), code });
}

describe("requireApprovedDoctor (unit)", () => {
  it("refuses a pending doctor: 403 DOCTOR_NOT_APPROVED", async () => {
    const d = await verifiedDoctor();
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 403, "DOCTOR_NOT_APPROVED");
  });

  it("lets an approved doctor through with their session", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    const s = await requireApprovedDoctor(apiRequest({ token: d.token }));
    expect(s.user).toMatchObject({ id: d.user.id, email: d.email, role: "doctor" });
    expect(s.via).toBe("bearer");
    expect(typeof s.sessionId).toBe("string");
  });

  it("refuses a rejected doctor: 403 DOCTOR_NOT_APPROVED", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "rejected");
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 403, "DOCTOR_NOT_APPROVED");
  });

  it("reads the approval on every call: approved → rejected → approved with one token", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    await expect(requireApprovedDoctor(apiRequest({ token: d.token }))).resolves.toMatchObject({ user: { id: d.user.id } });
    await setApproval(d.user.id, "rejected");
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 403, "DOCTOR_NOT_APPROVED");
    await setApproval(d.user.id, "approved");
    await expect(requireApprovedDoctor(apiRequest({ token: d.token }))).resolves.toMatchObject({ user: { id: d.user.id } });
  });

  it("works with the session cookie of an approved doctor", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    const s = await requireApprovedDoctor(apiRequest({ cookie: d.cookie }));
    expect(s.via).toBe("cookie");
    expect(s.user.id).toBe(d.user.id);
  });

  it("a cookie-authenticated state change from another origin is 403 FORBIDDEN_ORIGIN even when approved", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    await rejection(
      requireApprovedDoctor(apiRequest({ cookie: d.cookie }, { method: "POST", origin: "https://evil.example" })),
      403,
      "FORBIDDEN_ORIGIN",
    );
    await expect(
      requireApprovedDoctor(apiRequest({ cookie: d.cookie }, { method: "POST", origin: "http://localhost:3000" })),
    ).resolves.toMatchObject({ user: { id: d.user.id } });
  });

  it("refuses a patient with 403 FORBIDDEN", async () => {
    const p = await verifiedPatient();
    await rejection(requireApprovedDoctor(apiRequest({ token: p.token })), 403, "FORBIDDEN");
  });

  it("refuses an admin with 403 FORBIDDEN (doctor-only means doctors)", async () => {
    const p = await verifiedPatient();
    await (await db()).update(users).set({ role: "admin" }).where(eq(users.email, p.email));
    await rejection(requireApprovedDoctor(apiRequest({ token: p.token })), 403, "FORBIDDEN");
  });

  it("refuses a doctor account that has no profile row", async () => {
    const d = await verifiedDoctor();
    await (await db()).delete(doctorProfiles).where(eq(doctorProfiles.userId, d.user.id));
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 403, "DOCTOR_NOT_APPROVED");
  });

  it("without a session is 401 UNAUTHENTICATED", async () => {
    await rejection(requireApprovedDoctor(apiRequest()), 401, "UNAUTHENTICATED");
    await rejection(requireApprovedDoctor(apiRequest({ token: "not-a-jwt" })), 401, "UNAUTHENTICATED");
  });

  it("an approved doctor's ended session is 401", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    expect((await call(logoutRoute, "POST", { token: d.token })).status).toBe(200);
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 401, "UNAUTHENTICATED");
  });

  it("an approved doctor's revoked tokens (tokenVersion bumped) are 401", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    await (await db()).update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, d.user.id));
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 401, "UNAUTHENTICATED");
  });

  it("a suspended approved doctor is 401", async () => {
    const d = await verifiedDoctor();
    await setApproval(d.user.id, "approved");
    await (await db()).update(users).set({ status: "suspended" }).where(eq(users.id, d.user.id));
    await rejection(requireApprovedDoctor(apiRequest({ token: d.token })), 401, "UNAUTHENTICATED");
  });
});
