/** The plain, serialisable slice of the public user that the account page hands to its client forms. */
export type AccountUser = {
  email: string;
  name: string;
  phone: string | null;
  dob: string | null;
  gender: "female" | "male" | "other" | "prefer_not_to_say" | null;
  role: "patient" | "doctor" | "admin" | "superadmin";
  specialty?: string;
  licenseNumber?: string;
  approval?: "pending" | "approved" | "rejected";
};
