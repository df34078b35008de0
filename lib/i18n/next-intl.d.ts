import type { Messages } from "./en";
import type { Locale } from "./locale";

// Typed keys: `t("login.title")` is checked against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
