import { signup } from "@/lib/auth/flows/signup";
import { jsonWithSignup } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ actor, body }) => jsonWithSignup(await signup(actor, body)));
