import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/auth/signup/route";
import * as verifyRoute from "@/app/api/auth/verify-otp/route";
import * as meRoute from "@/app/api/users/me/route";
import { signups, users } from "@/lib/db/schema";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";
import { confirmSignup, signUpPatient, verifiedPatient } from "../helpers/accounts";
import { eventsAbout, patchUser, signedInAdmin } from "../helpers/admins";
import { forgotRequest, login, me } from "../helpers/api";
import { passCodeCooldown } from "../helpers/arrange";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/data";
import { db, userRow } from "../helpers/db";
import { verifiedDoctor } from "../helpers/doctors";
import { call } from "../helpers/http";
import { mail } from "../helpers/mail";
import { codeFrom, linkFrom } from "../helpers/smtp";

/** docs/I18N.md: the account's language, API errors in the request's language, emails in the recipient's. */

const ARABIC = /[\u0600-\u06FF]/;
const AR = { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" };
const patchMe = (token: string, body: unknown, headers: Record<string, string> = {}) => call(meRoute, "PATCH", { token, body, headers });
const setLocale = async (id: string, locale: "en" | "ar") => (await db()).update(users).set({ locale }).where(eq(users.id, id));

describe("the account's language", () => {
  it("comes from the sign-up request: its code email is Arabic, and verification gives the account that language", async () => {
    const email = uniqueEmail();
    const res = await call(signupRoute, "POST", { body: { name: "نور", email, password: GOOD_PASSWORD }, headers: AR });
    expect(res.status).toBe(201);
    const [row] = await (await db()).select().from(signups).where(eq(signups.id, res.body.signupId));
    expect(row!.locale).toBe("ar");

    const message = await mail.waitFor(email);
    expect(message.subject).toMatch(ARABIC);
    expect(message.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(message.html).toContain(ar.emails.signupCode.title);
    const code = codeFrom(message);
    expect(code).toMatch(/^[0-9]{6}$/); // ASCII digits standing alone on their line
    expect(message.text).toMatch(new RegExp(`^${code}$`, "m"));

    const session = await confirmSignup(email, code);
    expect(session.user.locale).toBe("ar");
    expect((await me(session.token)).body.user.locale).toBe("ar");
  });

  it("follows the locale cookie before Accept-Language, and is English by default", async () => {
    const email = uniqueEmail();
    await call(signupRoute, "POST", { body: { name: "Noor", email, password: GOOD_PASSWORD }, cookie: "locale=ar", headers: { "accept-language": "en" } });
    expect((await mail.waitFor(email)).html).toContain('dir="rtl"');

    const plain = await verifiedPatient();
    expect(plain.user.locale).toBe("en");
    expect(mail.to(plain.email)[0]!.html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it("takes the newest sign-up's language when an unverified address is signed up again", async () => {
    const { email } = await signUpPatient();
    expect(mail.to(email)[0]!.subject).not.toMatch(ARABIC);
    await passCodeCooldown(email);
    const again = await call(signupRoute, "POST", { body: { name: "Noor", email, password: GOOD_PASSWORD }, headers: AR });
    expect(again.status).toBe(201);
    const second = await mail.waitFor(email, 2);
    expect(second.subject).toMatch(ARABIC);
    const verified = await call(verifyRoute, "POST", { body: { email, code: codeFrom(second), signupId: again.body.signupId } });
    expect(verified.body.user.locale).toBe("ar");
  });

  it("changes with PATCH /api/users/me { locale }, audited like the other profile fields", async () => {
    const p = await verifiedPatient();
    const res = await patchMe(p.token, { locale: "ar" });
    expect(res.status).toBe(200);
    expect(res.body.user.locale).toBe("ar");
    expect((await userRow(p.email))!.locale).toBe("ar");
    const [event] = (await eventsAbout(p.user.id)).filter((e) => e.type === "profile_updated");
    expect(event!.detail).toMatchObject({ fields: ["locale"] });
  });

  it("refuses a language we do not speak with 400 fields.locale, changing nothing", async () => {
    const p = await verifiedPatient();
    for (const locale of ["fr", "AR", "", null, 1]) {
      const res = await patchMe(p.token, { locale });
      expect(res.status, String(locale)).toBe(400);
      expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", fields: { locale: en.validation.locale.choose } });
    }
    expect((await userRow(p.email))!.locale).toBe("en");
  });
});

describe("API errors in the request's language", () => {
  it("answers a failed sign-in in Arabic for Accept-Language: ar or the cookie, with the same code", async () => {
    const p = await verifiedPatient();
    const english = await login(p.email, "Wrong-Password-123");
    expect(english.body).toEqual({ code: "INVALID_CREDENTIALS", error: en.errors.INVALID_CREDENTIALS });

    const byHeader = await login(p.email, "Wrong-Password-123", { headers: AR });
    expect(byHeader.status).toBe(401);
    expect(byHeader.body).toEqual({ code: "INVALID_CREDENTIALS", error: ar.errors.INVALID_CREDENTIALS });

    const byCookie = await login(p.email, "Wrong-Password-123", { cookie: "locale=ar", headers: { "accept-language": "en" } });
    expect(byCookie.body).toEqual({ code: "INVALID_CREDENTIALS", error: ar.errors.INVALID_CREDENTIALS });
  });

  it("writes fields in Arabic, and English for everyone else", async () => {
    const bad = { name: "", email: "not-an-email", password: GOOD_PASSWORD };
    const arabic = await call(signupRoute, "POST", { body: bad, headers: AR });
    expect(arabic.status).toBe(400);
    expect(arabic.body).toEqual({
      code: "VALIDATION_FAILED",
      error: ar.errors.VALIDATION_FAILED,
      fields: { name: ar.validation.name.required, email: ar.validation.email.invalid },
    });
    const english = await call(signupRoute, "POST", { body: bad, headers: { "accept-language": "fr, en;q=0.5" } });
    expect(english.body.fields).toEqual({ name: en.validation.name.required, email: en.validation.email.invalid });
  });

  it("answers a signed-in account in its own language, whatever the request says", async () => {
    const p = await verifiedPatient();
    await setLocale(p.user.id, "ar");
    const res = await patchMe(p.token, { phone: "call me" }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: "VALIDATION_FAILED", error: ar.errors.VALIDATION_FAILED, fields: { phone: ar.validation.phone.format } });
  });
});

describe("emails in the recipient's language", () => {
  it("writes an Arabic account's reset email in Arabic, with its link and code unchanged", async () => {
    const p = await verifiedPatient();
    await setLocale(p.user.id, "ar");
    expect((await forgotRequest(p.email)).status).toBe(200);
    const message = await mail.waitFor(p.email, 2);
    expect(message.subject).toBe(ar.emails.reset.subject);
    expect(message.html).toContain('dir="rtl"');
    const link = linkFrom(message);
    expect(link).toMatch(/^http:\/\/localhost:3000\/auth\/reset-password\?token=[A-Za-z0-9_-]{20,}$/);
    expect(message.text.split("\n")).toContain(link);
    expect(message.html).toContain(`href="${link}"`);
    expect(codeFrom(message)).toMatch(/^[0-9]{6}$/);
  });

  it("writes to an English doctor in English when an Arabic-speaking admin approves them, and to an Arabic one in Arabic", async () => {
    const admin = await signedInAdmin();
    await setLocale(admin.user.id, "ar");
    const english = await verifiedDoctor({ name: "Dr Omar Khalil" });
    expect((await patchUser(admin.token, english.user.id, { approval: "approved" }, { headers: AR })).status).toBe(200);
    const toEnglish = await mail.waitFor(english.email, 2);
    expect(toEnglish.subject).toBe(en.emails.doctorApproved.subject);
    expect(toEnglish.html).toMatch(/<html lang="en" dir="ltr">/);

    const arabic = await verifiedDoctor({ name: "د. منى" });
    await setLocale(arabic.user.id, "ar");
    await patchUser(admin.token, arabic.user.id, { approval: "rejected", reason: "Licence <GMC> not found" }, { headers: { "accept-language": "en" } });
    const toArabic = await mail.waitFor(arabic.email, 2);
    expect(toArabic.subject).toBe(ar.emails.doctorRejected.subject);
    // Values keep their own direction inside the Arabic sentence, escaped.
    expect(toArabic.html).toContain("<bdi>Licence &lt;GMC&gt; not found</bdi>");
    expect(toArabic.text).toContain("Licence <GMC> not found");
  });
});
