import { describe, expect, it } from "vitest";
import { verifiedPatient } from "../helpers/accounts";
import { login } from "../helpers/api";
import { auditTypes } from "../helpers/db";
import { mail, settle } from "../helpers/mail";
import { enableTotp, mfaStatus, mfaVerify, renewRecoveryCodes, totpCode } from "../helpers/mfa";

/** docs/MFA.md "Recovery codes": making new ones replaces the old, and needs the password and a factor. */
async function mfaToken(email: string, password: string) {
  const res = await login(email, password);
  expect(res.body.mfaRequired).toBe(true);
  return res.body.mfaToken as string;
}

describe("new recovery codes", () => {
  it("need the password and a current code; ten new codes work and the old ones stop; emailed and audited", async () => {
    const p = await verifiedPatient();
    const { secret, recoveryCodes: old } = await enableTotp(p.token);

    const wrongPassword = await renewRecoveryCodes(p.token, { password: "Not-My-Password-9", code: await totpCode(secret, 1) });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.code).toBe("WRONG_PASSWORD");
    // No factor in the body and none in this session's recent proof (it signed in with the password alone).
    const passwordOnly = await renewRecoveryCodes(p.token, { password: p.password });
    expect(passwordOnly.status).toBe(403);
    expect(passwordOnly.body.code).toBe("REAUTH_REQUIRED");
    // The step spent confirming the set-up is not accepted again.
    const spent = await renewRecoveryCodes(p.token, { password: p.password, code: await totpCode(secret) });
    expect(spent.status).toBe(400);
    expect(spent.body.code).toBe("INVALID_MFA_CODE");

    const res = await renewRecoveryCodes(p.token, { password: p.password, code: await totpCode(secret, 1) });
    expect(res.status).toBe(200);
    const fresh = res.body.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect((await mfaStatus(p.token)).body.recoveryCodesLeft).toBe(10);

    const withOld = await mfaVerify({ mfaToken: await mfaToken(p.email, p.password), recoveryCode: old[0] });
    expect(withOld.status).toBe(400);
    expect(withOld.body.code).toBe("INVALID_MFA_CODE");
    expect((await mfaVerify({ mfaToken: await mfaToken(p.email, p.password), recoveryCode: fresh[0] })).status).toBe(200);

    await settle();
    expect(mail.to(p.email).map((m) => m.subject)).toContain("New recovery codes were made");
    expect(await auditTypes(p.user.id)).toContain("mfa_recovery_codes_regenerated");
  });

  it("accept an unused recovery code as the factor, which is spent like any other use", async () => {
    const p = await verifiedPatient();
    const { recoveryCodes: old } = await enableTotp(p.token);
    const res = await renewRecoveryCodes(p.token, { password: p.password, recoveryCode: old[3] });
    expect(res.status).toBe(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
  });

  it("are refused to an account without a second factor, and to a signed-out caller", async () => {
    const p = await verifiedPatient();
    const none = await renewRecoveryCodes(p.token, { password: p.password, code: "123456" });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("MFA_NOT_ENABLED");
    const anonymous = await renewRecoveryCodes("", { password: p.password, code: "123456" });
    expect(anonymous.status).toBe(401);
  });
});
