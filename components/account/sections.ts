/**
 * The sections of the account settings area (docs/DECISIONS.md "The account page lists the
 * sections"), in the order the navigation lists them. Each is a page of its own, so an email can
 * link to it.
 */
export const ACCOUNT_SECTIONS = [
  { key: "profile", href: "/account/profile" },
  { key: "security", href: "/account/security" },
  { key: "twoStep", href: "/account/two-step" },
  { key: "devices", href: "/account/devices" },
  { key: "data", href: "/account/data" },
] as const;

export type AccountSection = (typeof ACCOUNT_SECTIONS)[number]["key"];
