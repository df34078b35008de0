import type { MailCapture } from "./smtp";

/**
 * Verified accounts made through the real API, as a user would: signup → the code from the email
 * the SMTP capture received → verify-otp (which also signs in and returns a Bearer token).
 * Emails carry a per-run id, so a run never collides with an earlier one on a reused database.
 */
export type Account = { email: string; password: string; token: string };

export const BENCH_PASSWORD = "Bench: quiet harbour lantern 4917";

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function createOne(base: string, mail: MailCapture, email: string): Promise<Account> {
  const signup = await post(`${base}/api/auth/signup`, { name: "Bench User", email, password: BENCH_PASSWORD });
  if (signup.status !== 201) throw new Error(`signup ${email}: ${signup.status} ${JSON.stringify(signup.json)}`);
  const code = await mail.codeFor(email);
  const verify = await post(`${base}/api/auth/verify-otp`, { email, code });
  if (verify.status !== 200 || typeof verify.json.token !== "string") {
    throw new Error(`verify-otp ${email}: ${verify.status} ${JSON.stringify(verify.json)}`);
  }
  return { email, password: BENCH_PASSWORD, token: verify.json.token };
}

/**
 * `concurrency` in flight: each signup is one argon2id hash on the server's thread pool (4
 * threads), so a handful keeps both cores busy without queueing hundreds of requests.
 */
export async function createAccounts(base: string, mail: MailCapture, runId: string, count: number, concurrency = 6) {
  const accounts: Account[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        accounts.push(await createOne(base, mail, `bench-${runId}-${i}@example.com`));
      }
    }),
  );
  return accounts;
}
