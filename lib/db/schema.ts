/**
 * The database schema, one file per area under ./schema/ (accounts, records, second factor). drizzle-kit
 * reads this file to generate migrations (`npm run db:generate`), and the app imports its tables from
 * here. Like the files it gathers, it has no "server-only" marker: drizzle-kit loads it outside Next.
 */
import { doctorProfiles, users, verificationCodes } from "./schema/accounts";
import { recordGrants, records } from "./schema/records";

export * from "./schema/accounts";
export * from "./schema/mfa";
export * from "./schema/notifications";
export * from "./schema/records";

export type User = typeof users.$inferSelect;
export type DoctorProfile = typeof doctorProfiles.$inferSelect;
export type CodePurpose = (typeof verificationCodes.$inferSelect)["purpose"];
export type HealthRecord = typeof records.$inferSelect;
export type RecordGrant = typeof recordGrants.$inferSelect;
