import { signup } from "@/lib/auth/flows/signup";
import { jsonWithSignup } from "@/lib/auth/session/response";
import { route } from "@/lib/openapi/route";
import { contract } from "./contract";

export const POST = route(contract.POST, async ({ request, body: { specialty, licenseNumber, ...patient } }) =>
  jsonWithSignup(await signup(request, patient, { specialty, licenseNumber })),
);
