import { accountData } from "./en/account-data";
import { account } from "./en/account";
import { admin } from "./en/admin";
import { apiDocs } from "./en/api-docs";
import { doctorSignup, forgot, login, reset, signup, verify } from "./en/auth";
import { app, fields, home, mailbox, nav, notFound, ui } from "./en/common";
import { dashboard } from "./en/dashboard";
import { emails } from "./en/emails";
import { errors } from "./en/errors";
import { mfa } from "./en/mfa";
import { notifications } from "./en/notifications";
import { patients, records } from "./en/records";
import { validation } from "./en/validation";

/**
 * The English catalogue: one file per feature under ./en/, assembled here. It is the reference
 * shape: ./ar.ts is typed against it (lib/i18n/catalogue.ts), so a key missing in Arabic fails the
 * type check. Messages are ICU (`{name}`, `{count, plural, …}`), read with next-intl's `t()`.
 */
export const en = {
  app,
  errors,
  validation,
  emails,
  ui,
  fields,
  signup,
  doctorSignup,
  verify,
  login,
  forgot,
  reset,
  dashboard,
  nav,
  account,
  accountData,
  admin,
  records,
  patients,
  mfa,
  notifications,
  mailbox,
  notFound,
  home,
  apiDocs,
};

export type Messages = typeof en;
