import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as passkeyLoginRoute from "@/app/api/auth/passkey/login/route";
import * as passkeyOptionsRoute from "@/app/api/auth/passkey/options/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import { knownDevices } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { login } from "../helpers/api";
import { db } from "../helpers/db";
import { call, sessionIdOf } from "../helpers/http";
import { settle } from "../helpers/mail";
import { enableTotp, mfaVerify, totpCode } from "../helpers/mfa";
import { addPasskey } from "../helpers/reauth";
import { emailsTo, headerOf, listSessions, NEW_SIGN_IN_SUBJECT, UA } from "../helpers/notifications";

/** docs/NOTIFICATIONS.md "New-device sign-in": a security email for a browser and system the account has not used in 90 days. */
const alerts = (email: string) => emailsTo(email, NEW_SIGN_IN_SUBJECT);

describe("new-device sign-in alert", () => {
  it("is not sent for the sign-in that completes sign-up, nor for that device later; a new device gets one", async () => {
    const { email, password, code } = await signUpPatient();
    const verified = await call(verifyRoute, "POST", { body: { email, code }, headers: { "user-agent": UA.chromeWindows } });
    expect(verified.status).toBe(200);
    // The same browser after an update: versions do not make a new device.
    const again = await login(email, password, { headers: { "user-agent": UA.chromeWindows.replace("126.0.0.0", "131.0.6778.86") } });
    expect(again.status).toBe(200);
    await settle();
    expect(alerts(email)).toHaveLength(0);

    const before = Date.now();
    const other = await login(email, password, { headers: { "user-agent": UA.firefoxLinux }, ip: "10.23.45.67" });
    expect(other.status).toBe(200);
    await settle();
    const [alert, ...more] = alerts(email);
    expect(more).toHaveLength(0);
    expect(alert!.text).toContain("Device: Firefox on Linux");
    expect(alert!.text).toContain("IP address: 10.23.45.67");
    expect(alert!.text).toContain("http://localhost:3000/account/devices");
    const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
    const minutes = [before, Date.now()].map((t) => `Time: ${utc.format(t)} UTC`);
    expect(minutes.some((m) => alert!.text.includes(m)), `${minutes.join(" or ")} in:\n${alert!.text}`).toBe(true);
    // A security email: no one-click unsubscribe.
    expect(headerOf(alert!, "List-Unsubscribe")).toBeNull();
    expect(headerOf(alert!, "List-Unsubscribe-Post")).toBeNull();

    // Known from now on.
    expect((await login(email, password, { headers: { "user-agent": UA.firefoxLinux } })).status).toBe(200);
    await settle();
    expect(alerts(email)).toHaveLength(1);

    // The session it reports is the one /account lists with that device name.
    const listed = (await listSessions(other.body.token)).body.sessions;
    expect(listed.find((s: { id: string }) => s.id === sessionIdOf(other.body.token))).toMatchObject({ device: "Firefox on Linux", ip: "10.23.45.67", current: true });
    expect(listed.map((s: { device: string }) => s.device)).toContain("Chrome on Windows");
  });

  it("counts a device not used for 90 days as new again", async () => {
    const p = await verifiedPatient();
    await (await db()).update(knownDevices).set({ lastSeenAt: sql`now() - interval '91 days'` }).where(eq(knownDevices.userId, p.user.id));
    expect((await login(p.email, p.password)).status).toBe(200);
    await settle();
    expect(alerts(p.email)).toHaveLength(1);
    expect(alerts(p.email)[0]!.text).toContain("Device: vitest");
  });

  it("with a second factor, comes with the finished sign-in (mfa/verify), not the password step", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const opts = { headers: { "user-agent": UA.safariIphone }, ip: "10.99.1.2" };
    const step = await login(p.email, p.password, opts);
    expect(step.body.mfaRequired).toBe(true);
    await settle();
    expect(alerts(p.email)).toHaveLength(0);

    const done = await mfaVerify({ mfaToken: step.body.mfaToken, code: await totpCode(secret, 1) }, opts);
    expect(done.status).toBe(200);
    await settle();
    expect(alerts(p.email)).toHaveLength(1);
    expect(alerts(p.email)[0]!.text).toContain("Device: Safari on iOS");
    expect(alerts(p.email)[0]!.text).toContain("IP address: 10.99.1.2");
  });

  it("is not sent for a failed sign-in", async () => {
    const p = await verifiedPatient();
    expect((await login(p.email, "Wrong-Password-123", { headers: { "user-agent": UA.firefoxLinux } })).status).toBe(401);
    await settle();
    expect(alerts(p.email)).toHaveLength(0);
  });

  it("comes with a passwordless passkey sign-in from a new device", async () => {
    const p = await verifiedPatient();
    const added = await addPasskey(p.token);
    expect(added.status).toBe(201);
    const opts = { headers: { "user-agent": UA.firefoxLinux }, ip: "10.77.0.9" };
    const options = await call(passkeyOptionsRoute, "POST", opts);
    const res = await call(passkeyLoginRoute, "POST", { ...opts, body: { challengeId: options.body.challengeId, response: added.authenticator.assert(options.body.options) } });
    expect(res.status).toBe(200);
    await settle();
    expect(alerts(p.email)).toHaveLength(1);
    expect(alerts(p.email)[0]!.text).toContain("Device: Firefox on Linux");
    expect(alerts(p.email)[0]!.text).toContain("IP address: 10.77.0.9");
  });
});
