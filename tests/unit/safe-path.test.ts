import { describe, expect, it } from "vitest";
import { safePath } from "@/lib/runtime/logger.mjs";

/** What a request log line may say of a path: ids stay, anything that looks like a secret goes. */
describe("safePath", () => {
  const id = "3f2c9a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f";
  it("redacts a token segment, also one that is a dot-separated part of it", () => {
    expect(safePath(`/api/auth/reset-password/${"x".repeat(43)}`)).toBe("/api/auth/reset-password/[redacted]");
    expect(safePath(`/api/unsubscribe/${id}.recordViewed.${"Ab_-".repeat(11)}`)).toBe("/api/unsubscribe/[redacted]");
  });
  it("keeps ids, file names and drops the query", () => {
    expect(safePath(`http://localhost/api/records/${id}/file?token=secret`)).toBe(`/api/records/${id}/file`);
    expect(safePath("/api/openapi.json")).toBe("/api/openapi.json");
  });
});
