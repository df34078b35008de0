import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mfaTotp, passkeys } from "@/lib/db/schema";
import { verifiedPatient } from "../helpers/accounts";
import { changeEmailRequest, login } from "../helpers/api";
import { uniqueEmail } from "../helpers/data";
import { auditTypes, db, userRow } from "../helpers/db";
import { enableTotp, mfaVerify, totpCode, totpConfirm, totpSetup } from "../helpers/mfa";
import { addPasskey, listPasskeys, makeProofStale, passkeyOptions, reauth, reauthWithPasskey, removePasskey } from "../helpers/reauth";

/**
 * docs/MFA.md "Recent proof": a stolen session must not turn itself into permanent access. Adding
 * or removing a factor, new recovery codes and a new email need a proof the session made recently.
 */

/** Signs in through both steps and returns that session's token (its proof is password+factor). */
async function signInWithCode(email: string, password: string, secret: string, steps: number) {
  const first = await login(email, password);
  const second = await mfaVerify({ mfaToken: first.body.mfaToken, code: await totpCode(secret, steps) });
  expect(second.status).toBe(200);
  return second.body.token as string;
}

describe("recent proof before a factor is added", () => {
  it("a stale session cannot add a passkey or an app; after the password again it can", async () => {
    const p = await verifiedPatient();
    await makeProofStale(p.token);

    const options = await passkeyOptions(p.token);
    expect(options.status).toBe(403);
    expect(options.body.code).toBe("REAUTH_REQUIRED");
    const app = await totpSetup(p.token);
    expect(app.status).toBe(403);
    expect(app.body.code).toBe("REAUTH_REQUIRED");
    expect(await (await db()).select().from(mfaTotp).where(eq(mfaTotp.userId, p.user.id))).toHaveLength(0);

    const wrong = await reauth(p.token, { password: "Not-My-Password-9" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("WRONG_PASSWORD");
    const proof = await reauth(p.token, { password: p.password });
    expect(proof.status).toBe(200);
    expect(proof.body.level).toBe("password");
    const until = Date.parse(proof.body.reauthenticatedUntil) - Date.now();
    expect(until).toBeGreaterThan(500_000);
    expect(until).toBeLessThanOrEqual(601_000);

    const added = await addPasskey(p.token);
    expect(added.status).toBe(201);
    expect(added.body.recoveryCodes).toHaveLength(10);
    expect((await listPasskeys(p.token)).body.passkeys).toHaveLength(1);
    expect(await auditTypes(p.user.id)).toEqual(expect.arrayContaining(["reauthenticated", "passkey_added"]));
  });

  it("a password-only proof cannot add a factor to an account that has one; password and code can, and keep the codes", async () => {
    const p = await verifiedPatient();
    const { secret, recoveryCodes } = await enableTotp(p.token);

    expect((await passkeyOptions(p.token)).body.code).toBe("REAUTH_REQUIRED");
    const passwordOnly = await reauth(p.token, { password: p.password });
    expect(passwordOnly.body.level).toBe("password");
    const stillRefused = await passkeyOptions(p.token);
    expect(stillRefused.status).toBe(403);
    expect(stillRefused.body.code).toBe("REAUTH_REQUIRED");

    const badCode = await reauth(p.token, { password: p.password, code: "000000" === (await totpCode(secret, 1)) ? "000001" : "000000" });
    expect(badCode.status).toBe(400);
    expect(badCode.body.code).toBe("INVALID_MFA_CODE");
    const withCode = await reauth(p.token, { password: p.password, code: await totpCode(secret, 1) });
    expect(withCode.status).toBe(200);
    expect(withCode.body.level).toBe("password+factor");

    const added = await addPasskey(p.token);
    expect(added.status).toBe(201);
    expect(added.body.recoveryCodes).toBeUndefined();
    // The owner's recovery codes were not replaced: the first one still completes a sign-in.
    const { mfaToken } = (await login(p.email, p.password)).body;
    expect((await mfaVerify({ mfaToken, recoveryCode: recoveryCodes[0] })).status).toBe(200);
  });

  it("an app added to a passkey account keeps the recovery codes the passkey came with", async () => {
    const p = await verifiedPatient();
    const first = await addPasskey(p.token);
    const codes = first.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);

    expect((await totpSetup(p.token)).body.code).toBe("REAUTH_REQUIRED");
    const proof = await reauthWithPasskey(p.token, p.password, first.authenticator);
    expect(proof.status).toBe(200);
    expect(proof.body.level).toBe("password+factor");
    const setup = await totpSetup(p.token);
    expect(setup.status).toBe(200);
    const confirmed = await totpConfirm(p.token, await totpCode(setup.body.secret));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({});

    const { mfaToken } = (await login(p.email, p.password)).body;
    expect((await mfaVerify({ mfaToken, recoveryCode: codes[0] })).status).toBe(200);
  });

  it("a sign-in completed with the second step counts as password+factor, until it is stale", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const token = await signInWithCode(p.email, p.password, secret, 1);
    expect((await passkeyOptions(token)).status).toBe(200);
    await makeProofStale(token);
    expect((await passkeyOptions(token)).body.code).toBe("REAUTH_REQUIRED");
  });
});

describe("recent proof before a factor is removed", () => {
  it("a passkey cannot be removed with the password alone on an account with another factor", async () => {
    const p = await verifiedPatient();
    const { secret, recoveryCodes } = await enableTotp(p.token);
    await reauth(p.token, { password: p.password, code: await totpCode(secret, 1) });
    const added = await addPasskey(p.token);
    const id = added.body.passkey.id as string;
    await makeProofStale(p.token);

    const passwordOnly = await removePasskey(p.token, id, { password: p.password });
    expect(passwordOnly.status).toBe(403);
    expect(passwordOnly.body.code).toBe("REAUTH_REQUIRED");
    expect(await (await db()).select().from(passkeys).where(eq(passkeys.id, id))).toHaveLength(1);

    // The step after the set-up's was spent by the reauth above: a recovery code is the factor here.
    const withCode = await removePasskey(p.token, id, { password: p.password, recoveryCode: recoveryCodes[0] });
    expect(withCode.status).toBe(200);
    expect(await (await db()).select().from(passkeys).where(eq(passkeys.id, id))).toHaveLength(0);
    expect((await userRow(p.email))!.mfaEnabledAt).not.toBeNull(); // the app is still there
  });

  it("on a passkey-only account the passkey itself vouches for its removal", async () => {
    const p = await verifiedPatient();
    const added = await addPasskey(p.token);
    await makeProofStale(p.token);
    const id = added.body.passkey.id as string;
    expect((await removePasskey(p.token, id, { password: p.password })).body.code).toBe("REAUTH_REQUIRED");

    expect((await reauthWithPasskey(p.token, p.password, added.authenticator)).body.level).toBe("password+factor");
    const removed = await removePasskey(p.token, id, { password: p.password });
    expect(removed.status).toBe(200);
    expect((await userRow(p.email))!.mfaEnabledAt).toBeNull();
  });
});

describe("recent proof before the email moves", () => {
  it("an account with a factor needs that factor to change its email; one without needs only the password", async () => {
    const p = await verifiedPatient();
    const { secret } = await enableTotp(p.token);
    const refused = await changeEmailRequest(p.token, { newEmail: uniqueEmail("moved"), currentPassword: p.password });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("REAUTH_REQUIRED");
    const withCode = await changeEmailRequest(p.token, { newEmail: uniqueEmail("moved"), currentPassword: p.password, code: await totpCode(secret, 1) });
    expect(withCode.status).toBe(200);

    const plain = await verifiedPatient();
    await makeProofStale(plain.token);
    expect((await changeEmailRequest(plain.token, { newEmail: uniqueEmail("plain"), currentPassword: plain.password })).status).toBe(200);
  });
});
