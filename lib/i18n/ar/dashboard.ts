import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/dashboard";

export const dashboard: Catalogue<typeof en.dashboard> = en.dashboard;
