import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERRORS } from "@/lib/http/error-codes";

/**
 * docs/RULES.md "Errors" promises that its code table is the same list as lib/http/error-codes.ts. A
 * code added to one and not the other (or a status that differs) fails here, so the contract a
 * reader of the repository sees cannot drift from what the API answers.
 */
describe("the error-code table in docs/RULES.md", () => {
  const doc = readFileSync("docs/RULES.md", "utf8");
  const documented = new Map([...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));

  it("lists every code of the error table with its status, and nothing else", () => {
    const actual = new Map(Object.entries(ERRORS).map(([code, e]) => [code, e.status as number]));
    expect(documented.size).toBeGreaterThan(20);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(actual));
  });
});
