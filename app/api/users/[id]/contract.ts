import { EXAMPLE_ID, EXAMPLE_USER } from "@/lib/openapi/examples";
import { defineContract, IdParams } from "@/lib/openapi/contract";
import { UpdateUserSchema } from "@/lib/validation/admin";
import { AdminUserResponseSchema } from "@/lib/validation/admin-responses";
import { SuccessSchema } from "@/lib/validation/responses";

const EXAMPLE_ADMIN_USER = {
  ...EXAMPLE_USER,
  updatedAt: "2025-03-04T11:02:09.000Z",
  lastSignInAt: "2025-03-04T10:58:31.000Z",
  activeSessions: 1,
};

export const contract = defineContract({
  path: "/api/users/{id}",
  tag: "Administration",
  GET: {
    summary: "One user, for administrators",
    description:
      "The account with its last sign-in and live session count; for doctors also the licence state and who " +
      "decided their approval, when and why. An unknown or malformed id answers 404.",
    auth: "session",
    roles: ["admin", "superadmin"],
    params: IdParams,
    responses: { 200: AdminUserResponseSchema },
    errors: ["NOT_FOUND"],
    example: { params: { id: EXAMPLE_ID }, response: { user: EXAMPLE_ADMIN_USER } },
  },
  PATCH: {
    summary: "Change a user",
    description:
      "Any of `name`, `role`, `status`, and for doctors `approval` (`approved`, or `rejected` with a `reason`, " +
      "which the doctor is emailed); `reason` is kept in the audit trail. Other keys are ignored. Admins cannot " +
      "touch a superadmin or make one (403 FORBIDDEN), nobody changes their own role or status (403), and the " +
      "last active superadmin always remains (409 LAST_SUPERADMIN). A role change or a suspension ends the " +
      "user's sessions.",
    auth: "session",
    roles: ["admin", "superadmin"],
    params: IdParams,
    body: UpdateUserSchema,
    responses: { 200: AdminUserResponseSchema },
    errors: ["NOT_FOUND", "LAST_SUPERADMIN", "NO_DOCTOR_PROFILE", "NOT_A_DOCTOR", "ACCOUNT_NOT_VERIFIED", "LICENSE_TAKEN"],
    example: {
      params: { id: EXAMPLE_ID },
      body: { status: "suspended", reason: "Reported for abuse of the messaging feature" },
      response: { user: { ...EXAMPLE_ADMIN_USER, status: "suspended", activeSessions: 0 } },
    },
  },
  DELETE: {
    summary: "Delete a user",
    description:
      "The account and everything it owns, in one step. The audit trail keeps a `user_deleted` event with a " +
      "SHA-256 of the address, not the address. Nobody deletes their own account here (403), and the last " +
      "active superadmin always remains (409 LAST_SUPERADMIN).",
    auth: "session",
    roles: ["superadmin"],
    params: IdParams,
    responses: { 200: SuccessSchema },
    errors: ["NOT_FOUND", "LAST_SUPERADMIN"],
    example: { params: { id: EXAMPLE_ID }, response: { success: true } },
  },
});
