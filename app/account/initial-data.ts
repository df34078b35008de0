import "server-only";
import type { z } from "zod";
import type { Passkey } from "@/components/mfa/PasskeyItem";
import type { MfaStatus } from "@/components/mfa/types";
import { getMfaStatus } from "@/lib/auth/flows/mfa-status";
import { listPasskeys } from "@/lib/auth/flows/passkeys";
import { listSessions } from "@/lib/auth/flows/sessions";
import type { PageSession } from "@/lib/auth/session/page";
import type { SessionSchema } from "@/lib/validation/responses";

type Session = z.infer<typeof SessionSchema>;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/**
 * The devices list as GET /api/auth/sessions answers it, read while the page renders on the
 * server, so /account/devices arrives with its list instead of a loading state.
 */
export async function sessionsForPage(userId: string, sessionId: string): Promise<Session[]> {
  const rows = await listSessions(userId, sessionId);
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), lastSeenAt: iso(r.lastSeenAt) }));
}

/** GET /api/auth/mfa and GET /api/auth/passkeys for the two-step page, read while it renders. */
export async function twoStepForPage(user: PageSession["user"]): Promise<{ status: MfaStatus; passkeys: Passkey[] }> {
  const [status, passkeys] = await Promise.all([getMfaStatus(user), listPasskeys(user)]);
  return {
    status,
    passkeys: passkeys.map((p) => ({ ...p, createdAt: iso(p.createdAt), lastUsedAt: p.lastUsedAt ? iso(p.lastUsedAt) : null })),
  };
}
