import type { Catalogue } from "../catalogue";
// Arabic not written yet: the English text stands in until this file is translated.
import * as en from "../en/notifications";

export const notifications: Catalogue<typeof en.notifications> = en.notifications;
