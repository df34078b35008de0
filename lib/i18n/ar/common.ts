import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/common";

export const app: Catalogue<typeof en.app> = en.app;
export const ui: Catalogue<typeof en.ui> = en.ui;
export const fields: Catalogue<typeof en.fields> = en.fields;
export const nav: Catalogue<typeof en.nav> = en.nav;
export const notFound: Catalogue<typeof en.notFound> = en.notFound;
export const home: Catalogue<typeof en.home> = en.home;
export const mailbox: Catalogue<typeof en.mailbox> = en.mailbox;
