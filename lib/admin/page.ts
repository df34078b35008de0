import "server-only";
import { notFound } from "next/navigation";
import { type PageSession, requirePageUser } from "@/lib/auth/session/page";
import { mayAdminister } from "./policy";

/**
 * Every admin page starts here, before it reads anything: signed-out visitors go to sign-in, and
 * signed-in patients and doctors get the not-found page (the admin area does not exist for them).
 */
export async function requireAdminPage(path: string): Promise<PageSession> {
  const session = await requirePageUser(path);
  if (!mayAdminister(session.user)) notFound();
  return session;
}
