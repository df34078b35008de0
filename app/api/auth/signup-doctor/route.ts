import { signup } from "@/lib/auth/flows/signup";
import { handler, json, readJson } from "@/lib/http/handler";
import { DoctorSignupSchema } from "@/lib/validation/auth";

export const POST = handler(async (request) => {
  const { specialty, licenseNumber, ...patient } = await readJson(request, DoctorSignupSchema);
  const { email } = await signup(request, patient, { specialty, licenseNumber });
  return json({ success: true, email }, 201);
}, { ipLimit: true });
