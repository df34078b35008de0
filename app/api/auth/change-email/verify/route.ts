import { verifyEmailChange } from "@/lib/auth/flows/change-email";
import { json } from "@/lib/http/handler";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ request, session, body }) =>
  json({ user: await verifyEmailChange(request, session.user, body.code) }),
);
