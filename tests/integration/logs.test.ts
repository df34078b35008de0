import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Logs never carry secrets (docs/RULES.md "Configuration", LOG_LEVEL): a real failing query (PGlite, drizzle) is logged
 * by the handler wrapper and by direct logger calls in a child process, and its real stdout is read.
 */
const SECRETS = {
  email: "leaky.person@example.test",
  name: "Zebedee Quuxington",
  hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$SECRETHASHVALUE0123456789abcdefghijklmno",
  phone: "+44 7700 900123",
  dob: "1971-02-03",
  password: "Correct-Horse-Battery-Staple-9",
  code: "482913",
  token: "rAnDoMrEsEtToKeN_0123456789abcdefghijABCDEFG",
  cookie: "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi1jb29raWU.sigsigsig",
  bearer: "eyJhbGciOiJIUzI1NiJ9.YmVhcmVyLXRva2Vu.bearersig",
};

describe("structured logs", () => {
  it("log a failing query as one JSON line with a safe summary: no values, hashes, codes, tokens or cookies", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/integration/fixtures/failing-query.ts"],
      {
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: "memory://", LOG_LEVEL: "debug", SECRETS: JSON.stringify(SECRETS) },
        timeout: 60_000,
      },
    );
    const output = stdout + stderr;
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(output.includes(value), `${name} leaked into the log`).toBe(false);
    }
    expect(output).not.toMatch(/Failed query: (?!\[redacted\])/);

    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    const route = lines.find((l) => l.fixture === "route")!;
    expect(route).toMatchObject({ status: 500, requestId: "fixture-request-0001", body: { code: "INTERNAL_ERROR" } });

    const unhandled = lines.find((l) => l.msg === "unhandled error")!;
    expect(unhandled).toMatchObject({
      level: "error",
      reqId: "fixture-request-0001",
      method: "POST",
      path: "/api/auth/reset-password/[redacted]",
      err: { database: true, pgCode: "23505", constraint: "users_email_unique" },
    });
    expect(unhandled.err.type).toMatch(/DrizzleQueryError/);
    expect(typeof unhandled.time).toBe("string");

    const direct = lines.filter((l) => l.err?.pgCode === "22P02"); // invalid_text_representation
    expect(direct).toHaveLength(3);
    for (const l of direct) expect(Object.keys(l.err).sort()).toEqual(["database", "pgCode", "type"]);
    const withContext = lines.find((l) => l.msg === "with context")!;
    expect(withContext).toMatchObject({ password: "[redacted]", body: "[redacted]", headers: { cookie: "[redacted]", authorization: "[redacted]" } });
    const nested = lines.find((l) => l.msg === "nested secrets")!;
    expect(nested).toMatchObject({ user: { email: "kept@example.test", passwordHash: "[redacted]" }, params: "[redacted]" });
  }, 90_000);
});
