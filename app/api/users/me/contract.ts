import { EXAMPLE_USER } from "@/lib/openapi/examples";
import { defineContract } from "@/lib/openapi/contract";
import { UpdateMeSchema } from "@/lib/validation/auth";
import { UserResponseSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/users/me",
  tag: "Accounts and sessions",
  GET: {
    summary: "My account",
    description: "Doctors also get `specialty`, `licenseNumber` and `approval`.",
    auth: "session",
    duringMfaSetup: true,
    responses: { 200: UserResponseSchema },
    example: { response: { user: EXAMPLE_USER } },
  },
  PATCH: {
    summary: "Update my profile",
    description:
      "Any of `name`, `phone`, `dob`, `gender`, `locale` (and `specialty` for doctors); an empty string or null clears an " +
      "optional field. `locale` (`en` or `ar`) is the account's language: its pages, its emails and the API's error " +
      "messages follow it. Email, password and role have their own flows and are ignored here.",
    auth: "session",
    body: UpdateMeSchema,
    responses: { 200: UserResponseSchema },
    example: { body: { phone: "+44 20 7946 0000" }, response: { user: { ...EXAMPLE_USER, phone: "+44 20 7946 0000" } } },
  },
});
