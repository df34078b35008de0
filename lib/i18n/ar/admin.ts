import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/admin";

export const admin: Catalogue<typeof en.admin> = en.admin;
