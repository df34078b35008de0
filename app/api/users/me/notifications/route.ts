import { json } from "@/lib/http/handler";
import { preferencesOf, updatePreferences } from "@/lib/notifications/preferences";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const GET = route(contract.GET, async ({ session }) => json(preferencesOf(session.user)));

export const PATCH = route(contract.PATCH, async ({ actor, session, body }) => json(await updatePreferences(actor, session.user, body)));
