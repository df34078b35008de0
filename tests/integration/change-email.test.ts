import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as changeEmailRequestRoute from "@/app/api/auth/change-email/request/route";
import { users, verificationCodes } from "@/lib/db/schema";
import { signUpPatient, verifiedPatient } from "../helpers/accounts";
import { changeEmailRequest, changeEmailVerify, login, me, requestReset, resetWithLink } from "../helpers/api";
import { passCodeCooldown, secondsAgo } from "../helpers/arrange";
import { uniqueEmail } from "../helpers/data";
import { auditTypes, db, userRow } from "../helpers/db";
import { call } from "../helpers/http";
import { mail, settle } from "../helpers/mail";
import { codeFrom, otherCode } from "../helpers/smtp";

describe("POST /api/auth/change-email/request + /verify", () => {
  it("sends the code to the new address, changes the email only after verify and tells the old address", async () => {
    const p = await verifiedPatient();
    const newEmail = uniqueEmail("moved");
    const req = await changeEmailRequest(p.token, { newEmail: `  ${newEmail.toUpperCase()} `, currentPassword: p.password });
    expect(req.status).toBe(200);
    expect(req.body).toEqual({ success: true });
    const code = codeFrom(await mail.waitFor(newEmail));
    await settle();
    expect(mail.to(p.email)).toHaveLength(1); // nothing to the old address yet
    expect((await userRow(p.email))?.email).toBe(p.email);
    expect(await userRow(newEmail)).toBeUndefined();

    const res = await changeEmailVerify(p.token, code);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: newEmail });
    expect(res.body.user.emailVerifiedAt).toEqual(expect.any(String));
    expect(await userRow(p.email)).toBeUndefined();

    const notice = await mail.waitFor(p.email, 2);
    expect(notice.subject).toMatch(/email was changed/i);
    expect(notice.text).toContain(newEmail);

    expect((await me(p.token)).body.user.email).toBe(newEmail); // this session stays valid
    expect((await login(newEmail, p.password)).status).toBe(200);
    expect((await login(p.email, p.password)).status).toBe(401);
    const types = await auditTypes((await userRow(newEmail))!.id);
    expect(types).toEqual(expect.arrayContaining(["email_change_requested", "email_changed"]));
  });

  it("answers 401 WRONG_PASSWORD for a wrong current password and sends nothing", async () => {
    const p = await verifiedPatient();
    const newEmail = uniqueEmail("moved");
    const res = await changeEmailRequest(p.token, { newEmail, currentPassword: "Not-My-Password-1" });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("WRONG_PASSWORD");
    await settle();
    expect(mail.to(newEmail)).toHaveLength(0);
  });

  it("answers 409 EMAIL_TAKEN for another account's verified email", async () => {
    const p = await verifiedPatient();
    const other = await verifiedPatient();
    const res = await changeEmailRequest(p.token, { newEmail: other.email, currentPassword: p.password });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("EMAIL_TAKEN");
    await settle();
    expect(mail.to(other.email)).toHaveLength(1); // only its own signup code
  });

  it("answers 400 VALIDATION_FAILED on newEmail for the current address", async () => {
    const p = await verifiedPatient();
    const res = await changeEmailRequest(p.token, { newEmail: p.email, currentPassword: p.password });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.fields.newEmail).toEqual(expect.any(String));
  });

  it("a code sent for address A cannot confirm anything after a newer request for address B", async () => {
    const p = await verifiedPatient();
    const a = uniqueEmail("first");
    const b = uniqueEmail("second");
    expect((await changeEmailRequest(p.token, { newEmail: a, currentPassword: p.password })).status).toBe(200);
    const codeA = codeFrom(await mail.waitFor(a));
    expect((await changeEmailRequest(p.token, { newEmail: b, currentPassword: p.password })).status).toBe(200);
    const codeB = codeFrom(await mail.waitFor(b));

    const stale = await changeEmailVerify(p.token, codeA);
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe("INVALID_CODE");
    expect((await userRow(p.email))?.email).toBe(p.email);

    const res = await changeEmailVerify(p.token, codeB);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(b);
    expect(await userRow(a)).toBeUndefined();
  });

  it("refuses a wrong, an expired or a used code with INVALID_CODE", async () => {
    const p = await verifiedPatient();
    const newEmail = uniqueEmail("moved");
    await changeEmailRequest(p.token, { newEmail, currentPassword: p.password });
    const code = codeFrom(await mail.waitFor(newEmail));
    expect((await changeEmailVerify(p.token, otherCode(code))).body.code).toBe("INVALID_CODE");

    const user = await userRow(p.email);
    const row = and(eq(verificationCodes.userId, user!.id), eq(verificationCodes.purpose, "change_email"));
    await (await db()).update(verificationCodes).set({ createdAt: secondsAgo(11 * 60) }).where(row);
    const expired = await changeEmailVerify(p.token, code);
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe("INVALID_CODE");

    await passCodeCooldown(newEmail);
    await changeEmailRequest(p.token, { newEmail, currentPassword: p.password });
    const fresh = codeFrom(await mail.waitFor(newEmail, 2));
    expect((await changeEmailVerify(p.token, fresh)).status).toBe(200);
    const used = await changeEmailVerify(p.token, fresh);
    expect(used.status).toBe(400);
    expect(used.body.code).toBe("INVALID_CODE");
  });

  it("throttles a repeat to the same address inside the cooldown with 429 RESEND_TOO_SOON", async () => {
    const p = await verifiedPatient();
    const newEmail = uniqueEmail("moved");
    expect((await changeEmailRequest(p.token, { newEmail, currentPassword: p.password })).status).toBe(200);
    const again = await changeEmailRequest(p.token, { newEmail, currentPassword: p.password });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe("RESEND_TOO_SOON");
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("an unverified signup holding the address does not block the change and is removed by it", async () => {
    const p = await verifiedPatient();
    const squatter = await signUpPatient();
    expect((await changeEmailRequest(p.token, { newEmail: squatter.email, currentPassword: p.password })).status).toBe(200);
    const code = codeFrom(await mail.waitFor(squatter.email, 2));
    const res = await changeEmailVerify(p.token, code);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(squatter.email);
    const rows = await (await db()).select().from(users).where(eq(users.email, squatter.email));
    expect(rows.map((u) => u.id)).toEqual([p.user.id]);
  });

  it("voids an outstanding reset link, which was sent to the old address", async () => {
    const p = await verifiedPatient();
    const { token } = await requestReset(p.email, 2);
    const newEmail = uniqueEmail("moved");
    await changeEmailRequest(p.token, { newEmail, currentPassword: p.password });
    expect((await changeEmailVerify(p.token, codeFrom(await mail.waitFor(newEmail)))).status).toBe(200);
    const res = await resetWithLink(token, { password: "Hijack-Attempt-Pass-1", confirmPassword: "Hijack-Attempt-Pass-1" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("INVALID_TOKEN");
  });

  it("needs a session", async () => {
    const res = await call(changeEmailRequestRoute, "POST", { body: { newEmail: uniqueEmail(), currentPassword: "x" } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("UNAUTHENTICATED");
  });
});
