import { describe, expect, it } from "vitest";
import { deviceName } from "@/lib/notifications/device";

/**
 * The readable device of a session and of the new-device alert (docs/NOTIFICATIONS.md "New-device
 * sign-in"): browser and system only, so versions do not make a new device.
 */
const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  chromeLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  chromeMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
  chromeIos: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  firefoxMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
  firefoxAndroid: "Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0",
  firefoxIos: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariIpad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
};

describe("deviceName", () => {
  it.each([
    [UA.chromeWindows, "Chrome on Windows"],
    [UA.chromeLinux, "Chrome on Linux"],
    [UA.chromeMac, "Chrome on macOS"],
    [UA.chromeAndroid, "Chrome on Android"],
    [UA.chromeIos, "Chrome on iOS"],
    [UA.firefoxWindows, "Firefox on Windows"],
    [UA.firefoxLinux, "Firefox on Linux"],
    [UA.firefoxMac, "Firefox on macOS"],
    [UA.firefoxAndroid, "Firefox on Android"],
    [UA.firefoxIos, "Firefox on iOS"],
    [UA.safariMac, "Safari on macOS"],
    [UA.safariIphone, "Safari on iOS"],
    [UA.safariIpad, "Safari on iOS"],
  ])("%s → %s", (ua, name) => {
    expect(deviceName(ua)).toBe(name);
  });

  it("ignores versions: a browser update is the same device", () => {
    expect(deviceName(UA.chromeWindows.replace("126.0.0.0", "131.0.6778.86"))).toBe(deviceName(UA.chromeWindows));
  });

  it("names API clients by their product token, and says when nothing is known", () => {
    expect(deviceName("curl/8.5.0")).toBe("curl");
    expect(deviceName("PostmanRuntime/7.39.0")).toBe("PostmanRuntime");
    expect(deviceName("")).toBe("Unknown device");
    expect(deviceName(null)).toBe("Unknown device");
    expect(deviceName("  ")).toBe("Unknown device");
    expect(deviceName("(((")).toBe("Unknown device");
  });
});
