import { defineContract } from "@/lib/openapi/contract";
import { NotificationPreferencesSchema, UpdateNotificationsSchema } from "@/lib/validation/notifications";

const NOTE =
  "Only optional emails have a switch. Security emails (codes, password and email changes, two-step changes, sign-ins " +
  "from a new device, account deletion) are always sent.";

export const contract = defineContract({
  path: "/api/users/me/notifications",
  tag: "Accounts and sessions",
  GET: {
    summary: "My email choices",
    description: NOTE,
    auth: "session",
    responses: { 200: NotificationPreferencesSchema },
    example: { response: { recordViewed: true, grantExpiring: true } },
  },
  PATCH: {
    summary: "Change my email choices",
    description: `Either switch or both (true or false); the answer is the whole set. ${NOTE}`,
    auth: "session",
    body: UpdateNotificationsSchema,
    responses: { 200: NotificationPreferencesSchema },
    example: { body: { recordViewed: false }, response: { recordViewed: false, grantExpiring: true } },
  },
});
