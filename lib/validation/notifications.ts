import { z } from "zod";
import { msg } from "./messages";

/** Inputs and answers of the notification choices (docs/NOTIFICATIONS.md), shared by routes and forms. */

const Switch = (name: "recordViewed" | "grantExpiring") => z.boolean({ error: msg(`notifications.${name}`) });

/** PATCH /api/users/me/notifications: either switch, or both; other keys are ignored. */
export const UpdateNotificationsSchema = z.object({
  recordViewed: Switch("recordViewed").optional(),
  grantExpiring: Switch("grantExpiring").optional(),
});

export const NotificationPreferencesSchema = z
  .strictObject({
    recordViewed: z.boolean().meta({ description: "Email me when a doctor opens my records (at most once a day per doctor)." }),
    grantExpiring: z.boolean().meta({ description: "Email me 3 days before a sharing grant ends." }),
  })
  .meta({ id: "NotificationPreferences" });

/** RFC 8058: the one-click POST carries exactly this form field. */
export const UnsubscribeFormSchema = z.object({
  "List-Unsubscribe": z.literal("One-Click", { error: msg("notifications.oneClick") }),
});

export const UnsubscribedSchema = z.strictObject({
  success: z.literal(true),
  category: z.enum(["recordViewed", "grantExpiring"]).meta({ description: "The one kind of email that was turned off." }),
});
