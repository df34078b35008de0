import { getMe, updateProfile } from "@/lib/auth/flows/me";
import { requireSession } from "@/lib/auth/session/sessions";
import { handler, json, readJson } from "@/lib/http/handler";
import { UpdateMeSchema } from "@/lib/validation/auth";

export const GET = handler(async (request) => {
  const { user } = await requireSession(request, { duringMfaSetup: true });
  return json({ user: await getMe(user) });
});

export const PATCH = handler(async (request) => {
  const { user } = await requireSession(request);
  const changes = await readJson(request, UpdateMeSchema);
  // Only unknown or server-owned keys (`role`, `__proto__`, …): they never change anything, so
  // there is no update to make or record — answer as GET does (docs/DECISIONS.md "Profile updates that change nothing").
  if (Object.values(changes).every((v) => v === undefined)) return json({ user: await getMe(user) });
  return json({ user: await updateProfile(request, user, changes) });
});
