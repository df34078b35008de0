import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mfaChallenges, mfaRecoveryCodes, mfaTotp, sessions } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { auditTypes, db, userRow } from "../helpers/db";
import { cookiePair } from "../helpers/http";
import { login, me } from "../helpers/api";
import { mail, settle } from "../helpers/mail";
import { enableTotp, mfaStatus, mfaVerify, totpCode, totpConfirm, totpDisable, totpSetup } from "../helpers/mfa";

async function sessionCount(userId: string) {
  const [row] = await (await db()).select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId));
  return Number(row!.n);
}

/** Password step of a sign-in for an account with TOTP: returns the mfaToken. */
async function passwordStep(email: string, password: string) {
  const res = await login(email, password);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
  return res.body.mfaToken as string;
}

describe("TOTP set-up", () => {
  it("returns a secret, an otpauth URI and a locally drawn QR code; the secret is stored encrypted", async () => {
    const p = await verifiedPatient();
    const res = await totpSetup(p.token);
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(res.body.otpauthUri).toBe(`otpauth://totp/CareGate:${encodeURIComponent(p.email)}?secret=${res.body.secret}&issuer=CareGate`);
    expect(res.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(res.body.qrCode.split(",")[1], "base64").toString()).toContain("<svg");
    const [row] = await (await db()).select().from(mfaTotp).where(eq(mfaTotp.userId, p.user.id));
    expect(row!.confirmedAt).toBeNull();
    expect(row!.secretEnc).toMatch(/^v1\./);
    expect(row!.secretEnc).not.toContain(res.body.secret);
    // Not live until confirmed: sign-in still needs only the password.
    expect((await login(p.email, p.password)).body.token).toEqual(expect.any(String));
  });

  it("confirms with a first code: ten recovery codes once, stored hashed; emailed and audited", async () => {
    const p = await verifiedPatient();
    const setup = await totpSetup(p.token);
    const wrong = await totpConfirm(p.token, "000000" === (await totpCode(setup.body.secret)) ? "111111" : "000000");
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("INVALID_MFA_CODE");

    const res = await totpConfirm(p.token, await totpCode(setup.body.secret));
    expect(res.status).toBe(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(new Set(res.body.recoveryCodes).size).toBe(10);
    for (const c of res.body.recoveryCodes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const rows = await (await db()).select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, p.user.id));
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(res.body.recoveryCodes.join()).not.toContain(r.codeHash.slice(0, 10));
    expect((await userRow(p.email))!.mfaEnabledAt).not.toBeNull();
    expect((await mail.waitFor(p.email, 2)).subject).toMatch(/two-step sign-in is on/i);
    expect(await auditTypes(p.user.id)).toContain("mfa_totp_enabled");
    expect((await mfaStatus(p.token)).body).toMatchObject({ totp: true, enabled: true, recoveryCodesLeft: 10, passkeys: 0 });

    // A second set-up while one is live is refused (turn it off first).
    expect((await totpSetup(p.token)).body.code).toBe("MFA_ALREADY_ENABLED");
  });
});

describe("sign-in with TOTP", () => {
  it("gives no session until the code; the code completes it with { user, token } and the cookie", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const before = await sessionCount(p.user.id);
    const res = await login(p.email, p.password);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["mfaRequired", "mfaToken"]);
    expect(res.cookie).toBeNull();
    expect(await sessionCount(p.user.id)).toBe(before);

    const done = await mfaVerify({ mfaToken: res.body.mfaToken, code: await totpCode(secret, 1) });
    expect(done.status).toBe(200);
    expect(Object.keys(done.body).sort()).toEqual(["token", "user"]);
    expect(cookiePair(done.cookie)).toBe(`caregate_session=${done.body.token}`);
    expect((await me(done.body.token)).body.user.email).toBe(p.email);
    expect(await sessionCount(p.user.id)).toBe(before + 1);
  });

  it("accepts a time step once: the step spent at confirmation, and a step used to sign in, are refused again", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const mfaToken = await passwordStep(p.email, p.password);
    const replay = await mfaVerify({ mfaToken, code: await totpCode(secret) });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe("INVALID_MFA_CODE");
    const next = await totpCode(secret, 1);
    expect((await mfaVerify({ mfaToken, code: next })).status).toBe(200);

    const again = await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), code: next });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("INVALID_MFA_CODE");
  });

  it("accepts each recovery code once (case, spaces and dashes forgiven) and emails that one was used", async () => {
    const p = await verifiedPatient();
    const { recoveryCodes } = await enableTotp(p.token);
    const first = await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), recoveryCode: recoveryCodes[0] });
    expect(first.status).toBe(200);
    const reused = await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe("INVALID_MFA_CODE");
    const loose = recoveryCodes[1]!.toUpperCase().replace("-", " ");
    expect((await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), recoveryCode: loose })).status).toBe(200);
    const notice = await mail.waitFor(p.email, 4);
    expect(notice.subject).toMatch(/recovery code was used/i);
    expect(notice.text).toContain("8 unused recovery codes");
    expect(await auditTypes(p.user.id)).toContain("mfa_recovery_code_used");
  });

  it("throttles wrong codes like sign-in: after 5 failures 429 with Retry-After, even for the right code", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const mfaToken = await passwordStep(p.email, p.password);
    const right = await totpCode(secret, 1);
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) expect((await mfaVerify({ mfaToken, code: wrong })).status).toBe(400);
    const blocked = await mfaVerify({ mfaToken, code: right });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await auditTypes(p.user.id)).filter((t) => t === "mfa_failed")).toHaveLength(5);
  });

  it("uses an mfaToken once, and not after it expired", async () => {
    const p = await verifiedPatient();
    const { secret, recoveryCodes } = await enableTotp(p.token);
    const mfaToken = await passwordStep(p.email, p.password);
    expect((await mfaVerify({ mfaToken, code: await totpCode(secret, 1) })).status).toBe(200);
    const reused = await mfaVerify({ mfaToken, recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe("MFA_TOKEN_INVALID");

    const later = await passwordStep(p.email, p.password);
    await (await db()).update(mfaChallenges).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(mfaChallenges.userId, p.user.id));
    const expired = await mfaVerify({ mfaToken: later, recoveryCode: recoveryCodes[0] });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe("MFA_TOKEN_INVALID");
    // The recovery code was not spent by the refused attempts.
    expect((await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), recoveryCode: recoveryCodes[0] })).status).toBe(200);
  });

  it("refuses a body with both a code and a recovery code, or neither", async () => {
    const p = await verifiedPatient();
    const { recoveryCodes } = await enableTotp(p.token);
    const mfaToken = await passwordStep(p.email, p.password);
    expect((await mfaVerify({ mfaToken, code: "123456", recoveryCode: recoveryCodes[0] })).body.code).toBe("VALIDATION_FAILED");
    expect((await mfaVerify({ mfaToken })).body.code).toBe("VALIDATION_FAILED");
  });
});

describe("turning TOTP off", () => {
  it("needs the password and a current code, ends other sessions, keeps this one, emails and audits", async () => {
    const p = await verifiedPatient();
    const { secret, recoveryCodes } = await enableTotp(p.token);
    const other = await mfaVerify({ mfaToken: await passwordStep(p.email, p.password), recoveryCode: recoveryCodes[0] });
    expect(other.status).toBe(200);
    const fresh = await totpCode(secret, 1);

    const badPassword = await totpDisable(p.token, { password: "Not-My-Password-9", code: fresh });
    expect(badPassword.status).toBe(401);
    expect(badPassword.body.code).toBe("WRONG_PASSWORD");
    // No code in the body, and this session proved only the password: the factor must be shown again.
    const noCode = await totpDisable(p.token, { password: p.password });
    expect(noCode.status).toBe(403);
    expect(noCode.body.code).toBe("REAUTH_REQUIRED");
    const spentStep = await totpDisable(p.token, { password: p.password, code: await totpCode(secret) });
    expect(spentStep.status).toBe(400);
    expect(spentStep.body.code).toBe("INVALID_MFA_CODE");
    expect((await mfaStatus(p.token)).body.totp).toBe(true);

    const res = await totpDisable(p.token, { password: p.password, code: fresh });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: expect.objectContaining({ email: p.email }), token: expect.any(String) });
    expect((await me(res.body.token)).status).toBe(200);
    expect((await me(p.token)).status).toBe(401);
    expect((await me(other.body.token)).status).toBe(401);
    expect((await login(p.email, p.password)).body.token).toEqual(expect.any(String));
    expect((await userRow(p.email))!.mfaEnabledAt).toBeNull();
    expect(await (await db()).select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, p.user.id))).toHaveLength(0);
    await settle();
    expect(mail.to(p.email).map((m) => m.subject)).toContain("Your authenticator app was removed");
    expect(await auditTypes(p.user.id)).toContain("mfa_totp_disabled");
  });
});
