import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/account";

export const account: Catalogue<typeof en.account> = en.account;
