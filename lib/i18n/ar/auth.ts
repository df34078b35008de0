import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/auth";

export const signup: Catalogue<typeof en.signup> = en.signup;
export const doctorSignup: Catalogue<typeof en.doctorSignup> = en.doctorSignup;
export const verify: Catalogue<typeof en.verify> = en.verify;
export const login: Catalogue<typeof en.login> = en.login;
export const forgot: Catalogue<typeof en.forgot> = en.forgot;
export const reset: Catalogue<typeof en.reset> = en.reset;
