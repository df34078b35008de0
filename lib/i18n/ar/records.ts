import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/records";

export const records: Catalogue<typeof en.records> = en.records;
export const patients: Catalogue<typeof en.patients> = en.patients;
