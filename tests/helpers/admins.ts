import { eq } from "drizzle-orm";
import * as auditRoute from "@/app/api/audit/route";
import * as loginRoute from "@/app/api/auth/login/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as usersRoute from "@/app/api/users/route";
import { createSuperadmin } from "@/lib/auth/flows/create-superadmin";
import { mailQueue, securityEvents, users } from "@/lib/db/schema";
import { verifiedPatient } from "./accounts";
import { GOOD_PASSWORD } from "./data";
import { db } from "./db";
import { call, type CallOptions, uniqueEmail } from "./http";

/** Administration (docs/ADMIN.md): admins made the real way (the command, the admin API) and the admin routes. */

export type Signed = { email: string; password: string; token: string; cookie: string; user: { id: string; role: string } };

export async function signIn(email: string, password = GOOD_PASSWORD): Promise<Signed> {
  const res = await call(loginRoute, "POST", { body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, password, token: res.body.token, cookie: res.cookie!.split(";")[0]!, user: res.body.user };
}

/** A superadmin made by the create-superadmin command's service, signed in through the login route. */
export async function signedInSuperadmin(): Promise<Signed> {
  const email = uniqueEmail("root");
  await createSuperadmin({ email, password: GOOD_PASSWORD, name: "Root Admin" });
  return signIn(email);
}

/** A patient promoted to `role` by a superadmin through PATCH /api/users/{id}, signed in again. */
export async function signedInWithRole(role: "admin" | "superadmin", by?: Signed): Promise<Signed> {
  const root = by ?? (await signedInSuperadmin());
  const p = await verifiedPatient({ name: `Made ${role}` });
  const res = await patchUser(root.token, p.user.id, { role });
  if (res.status !== 200) throw new Error(`promotion failed: ${res.status} ${JSON.stringify(res.body)}`);
  return signIn(p.email, p.password);
}

/**
 * A signed-in admin. With `by`, promoted through the API by that superadmin; without, arranged in
 * the database (quicker, and independent of superadmins, whom the last-superadmin tests demote; the
 * API path is tested in admin-superadmin.test.ts).
 */
export async function signedInAdmin(by?: Signed): Promise<Signed> {
  if (by) return signedInWithRole("admin", by);
  const p = await verifiedPatient({ name: "Arranged Admin" });
  await (await db()).update(users).set({ role: "admin" }).where(eq(users.id, p.user.id));
  return signIn(p.email, p.password);
}

const qs = (query: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

export const listUsers = (token: string, query: Record<string, string | number | undefined> = {}, opts: CallOptions = {}) =>
  call(usersRoute, "GET", { ...opts, token, path: `/api/users?${qs(query)}` });

export const getUser = (token: string, id: string) => call(userRoute, "GET", { token, params: { id }, path: `/api/users/${id}` });

export const patchUser = (token: string, id: string, body: unknown, opts: CallOptions = {}) =>
  call(userRoute, "PATCH", { ...opts, token, body, params: { id }, path: `/api/users/${id}` });

export const deleteUser = (token: string, id: string, opts: CallOptions = {}) =>
  call(userRoute, "DELETE", { ...opts, token, params: { id }, path: `/api/users/${id}` });

export const listAudit = (token: string, query: Record<string, string | number | undefined> = {}) =>
  call(auditRoute, "GET", { token, path: `/api/audit?${qs(query)}` });

/** Every audit event about a user (oldest first), straight from the table. */
export async function eventsAbout(userId: string) {
  return (await db()).select().from(securityEvents).where(eq(securityEvents.userId, userId)).orderBy(securityEvents.id);
}

/** Messages queued for an address (sent or not): "no email" is asserted here, not by waiting. */
export async function queuedTo(email: string) {
  return (await db()).select().from(mailQueue).where(eq(mailQueue.to, email));
}
