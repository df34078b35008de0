import { verifyEmailChange } from "@/lib/auth/flows/change-email";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, session, body }) =>
  json({ user: await verifyEmailChange(actor, session.user, body.code) }),
);
