import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/errors";

export const errors: Catalogue<typeof en.errors> = en.errors;
