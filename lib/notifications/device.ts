import "server-only";
import Bowser from "bowser";

/**
 * A readable name for the device behind a user agent: "Chrome on Windows", "Safari on iOS". Only the
 * browser and the system count, not their versions, so an update is not a new device
 * (docs/NOTIFICATIONS.md "New-device sign-in"). API clients that no parser knows are named by the
 * first product token of their user agent ("curl/8.5.0" → "curl").
 */
export const UNKNOWN_DEVICE = "Unknown device";
const MAX_LENGTH = 100;
const PRODUCT = /^([A-Za-z][\w.-]{0,39})(?:\/|\s|$)/;

export function deviceName(userAgent: string | null | undefined): string {
  const ua = userAgent?.trim();
  if (!ua) return UNKNOWN_DEVICE;
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name || null;
  const os = parsed.os.name || null;
  const name = browser && os ? `${browser} on ${os}` : (browser ?? (os ? `Unknown browser on ${os}` : PRODUCT.exec(ua)?.[1]));
  return (name || UNKNOWN_DEVICE).slice(0, MAX_LENGTH);
}
