import type { Catalogue } from "./catalogue";
import type { Messages } from "./en";
import { accountData } from "./ar/account-data";
import { account } from "./ar/account";
import { admin } from "./ar/admin";
import { apiDocs } from "./ar/api-docs";
import { doctorSignup, forgot, login, reset, signup, verify } from "./ar/auth";
import { app, fields, home, mailbox, nav, notFound, ui } from "./ar/common";
import { dashboard } from "./ar/dashboard";
import { emails } from "./ar/emails";
import { errors } from "./ar/errors";
import { mfa } from "./ar/mfa";
import { notifications } from "./ar/notifications";
import { patients, records } from "./ar/records";
import { validation } from "./ar/validation";

/**
 * The Arabic catalogue: the same keys as ./en.ts (the type check fails on a missing one), in Modern
 * Standard Arabic written for a patient, one term per concept (docs/GLOSSARY.md).
 */
export const ar: Catalogue<Messages> = {
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
