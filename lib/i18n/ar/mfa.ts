import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/mfa";

export const mfa: Catalogue<typeof en.mfa> = en.mfa;
