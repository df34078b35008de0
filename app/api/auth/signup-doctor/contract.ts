import { EXAMPLE_PASSWORD, EXAMPLE_SIGNUP_ID, SIGNUP_COOKIE_HEADER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { DoctorSignupSchema } from "@/lib/validation/auth";
import { SignupResponseSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/auth/signup-doctor",
  tag: "Accounts and sessions",
  POST: {
    summary: "Create a doctor account",
    description:
      "As patient sign-up, plus a specialty and a licence number (compared without spaces, upper-cased). " +
      "The doctor can sign in once the email is confirmed, but doctor-only endpoints answer 403 " +
      "DOCTOR_NOT_APPROVED until an admin approves the account.",
    auth: "none",
    ipLimit: true,
    body: DoctorSignupSchema,
    responses: { 201: { schema: SignupResponseSchema, headers: { "Set-Cookie": SIGNUP_COOKIE_HEADER } } },
    errors: ["WEAK_PASSWORD", "EMAIL_TAKEN", "LICENSE_TAKEN"],
    example: {
      body: {
        name: "Dr Omar Saleh",
        email: "omar.saleh@example.com",
        password: EXAMPLE_PASSWORD,
        specialty: "Cardiology",
        licenseNumber: "GMC 7012345",
      },
      response: { success: true, email: "omar.saleh@example.com", signupId: EXAMPLE_SIGNUP_ID },
    },
  },
});
