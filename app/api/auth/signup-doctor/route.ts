import { signup } from "@/lib/auth/flows/signup";
import { handler, readJson } from "@/lib/http/handler";
import { jsonWithSignup } from "@/lib/auth/session/response";
import { DoctorSignupSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { specialty, licenseNumber, ...patient } = await readJson(request, DoctorSignupSchema);
  return jsonWithSignup(await signup(request, patient, { specialty, licenseNumber }));
}, { ipLimit: true });
