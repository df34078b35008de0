import { getMe, updateProfile } from "@/lib/auth/flows/me";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const GET = route(contract.GET, async ({ session }) => json({ user: await getMe(session.user) }));

export const PATCH = route(contract.PATCH, async ({ actor, session: { user }, body: changes }) => {
  // Only unknown or server-owned keys (`role`, `__proto__`, …): they never change anything, so
  // there is no update to make or record — answer as GET does (docs/DECISIONS.md "Profile updates that change nothing").
  if (Object.values(changes).every((v) => v === undefined)) return json({ user: await getMe(user) });
  return json({ user: await updateProfile(actor, user, changes) });
});
