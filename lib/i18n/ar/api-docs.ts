import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/api-docs";

export const apiDocs: Catalogue<typeof en.apiDocs> = en.apiDocs;
