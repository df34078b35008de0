import { describe, expect, it } from "vitest";
import * as mfaPasskeyOptionsRoute from "@/app/api/auth/mfa/passkey/options/route";
import * as passkeyLoginRoute from "@/app/api/auth/passkey/login/route";
import * as passkeyOptionsRoute from "@/app/api/auth/passkey/options/route";
import * as passkeysRoute from "@/app/api/auth/passkeys/route";
import * as registerOptionsRoute from "@/app/api/auth/passkeys/options/route";
import { verifiedPatient } from "../helpers/accounts";
import { login } from "../helpers/api";
import { call } from "../helpers/http";
import { enableTotp } from "../helpers/mfa";

/**
 * The server side of passkeys that needs no authenticator: options, single-use challenges and the
 * refusals. Real registrations and assertions are made by Chromium's virtual authenticator in
 * tests/e2e/mfa.test.ts.
 */
const forged = { id: "AAAA", rawId: "AAAA", type: "public-key", response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" }, clientExtensionResults: {} };

describe("passkeys: options and refusals", () => {
  it("registration options name the account and the relying party of APP_URL", async () => {
    const p = await verifiedPatient();
    const res = await call(registerOptionsRoute, "POST", { token: p.token });
    expect(res.status).toBe(200);
    expect(res.body.challengeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.options).toMatchObject({ rp: { name: "CareGate", id: "localhost" }, user: { name: p.email }, attestation: "none" });
    expect(res.body.options.authenticatorSelection).toMatchObject({ residentKey: "required" });

    const bad = await call(passkeysRoute, "POST", { token: p.token, body: { challengeId: res.body.challengeId, response: forged } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("PASSKEY_FAILED");
    expect((await call(passkeysRoute, "GET", { token: p.token })).body).toEqual({ passkeys: [] });
  });

  it("passwordless sign-in asks for user verification and refuses a forged assertion without a cookie", async () => {
    const options = await call(passkeyOptionsRoute, "POST");
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({ rpId: "localhost", userVerification: "required" });
    const first = await call(passkeyLoginRoute, "POST", { body: { challengeId: options.body.challengeId, response: forged } });
    expect(first.status).toBe(400);
    expect(first.body.code).toBe("PASSKEY_FAILED");
    expect(first.cookie).toBeNull();
  });

  it("as a second factor: needs a live mfaToken and an account that has a passkey", async () => {
    const p = await verifiedPatient();
    await enableTotp(p.token);
    const { mfaToken } = (await login(p.email, p.password)).body;
    const none = await call(mfaPasskeyOptionsRoute, "POST", { body: { mfaToken } });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe("PASSKEY_FAILED");
    const junk = await call(mfaPasskeyOptionsRoute, "POST", { body: { mfaToken: "x".repeat(43) } });
    expect(junk.status).toBe(401);
    expect(junk.body.code).toBe("MFA_TOKEN_INVALID");
  });
});
