import type { PublicUser } from "@/lib/auth/users";

/**
 * What the account page hands its client forms: the public user itself (a type-only import, erased
 * at build time, so no server code reaches the browser). Doctor fields are present for doctors.
 */
export type AccountUser = PublicUser;

/** The account's optional-email switches, as GET /api/users/me/notifications answers them. */
export type NotificationPreferences = { recordViewed: boolean; grantExpiring: boolean };
