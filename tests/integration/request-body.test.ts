import { describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/auth/signup/route";
import { MAX_JSON_BODY_BYTES, readBodyLimited } from "@/lib/http/handler";
import { randomIp, uniqueEmail } from "../helpers/http";

type Route = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const signup = signupRoute.POST as unknown as Route;

/** A body that yields `total` bytes of a JSON object in `chunk`-sized pieces, counting what was pulled. */
function jsonStream(total: number, chunk = 16 * 1024) {
  const stats = { pulled: 0, cancelled: false };
  const head = new TextEncoder().encode('{"name":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      const piece = stats.pulled === 0 ? head : new Uint8Array(Math.min(chunk, total - stats.pulled)).fill(0x61);
      stats.pulled += piece.byteLength;
      controller.enqueue(piece);
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/auth/signup", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": randomIp(), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

const send = async (request: Request) => {
  const res = await signup(request, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
};

describe("bounded request bodies (docs/RULES.md \"Request bodies\")", () => {
  it("cuts a 5 MB chunked body (no Content-Length) off at 64 KiB with 413, and stops reading it", async () => {
    const { stream, stats } = jsonStream(5 * 1024 * 1024);
    const res = await send(post(stream));
    expect(res).toEqual({ status: 413, body: { error: expect.any(String), code: "PAYLOAD_TOO_LARGE" } });
    expect(stats.cancelled).toBe(true);
    // At most the limit plus the chunk that crossed it (and whatever the stream had queued).
    expect(stats.pulled).toBeLessThan(MAX_JSON_BODY_BYTES + 3 * 16 * 1024);
  });

  it("does not believe a small Content-Length: the byte count decides", async () => {
    const { stream, stats } = jsonStream(1024 * 1024);
    const res = await send(post(stream, { "content-length": "100" }));
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThan(MAX_JSON_BODY_BYTES + 3 * 16 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, stats } = jsonStream(MAX_JSON_BODY_BYTES + 1);
    const res = await send(post(stream, { "content-length": String(MAX_JSON_BODY_BYTES + 1) }));
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(16 * 1024);
  });

  it("accepts a body of exactly 64 KiB (then judges its content: 400, not 413)", async () => {
    const prefix = `{"email":"${uniqueEmail()}","password":"correct horse battery","name":"`;
    const body = prefix + "a".repeat(MAX_JSON_BODY_BYTES - prefix.length - 2) + '"}';
    expect(Buffer.byteLength(body)).toBe(MAX_JSON_BODY_BYTES);
    const res = await send(post(body));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", fields: { name: expect.any(String) } });
    const over = await send(post(body.replace('"}', 'a"}')));
    expect(over.status).toBe(413);
  });

  it("counts bytes, not characters: 64 KiB of multi-byte text is over the limit sooner", async () => {
    const body = `{"name":"${"é".repeat(MAX_JSON_BODY_BYTES / 2)}"}`; // 2 bytes each
    expect(body.length).toBeLessThan(MAX_JSON_BODY_BYTES);
    expect((await send(post(body))).status).toBe(413);
  });

  it("refuses bytes that are not UTF-8 with 400 INVALID_JSON instead of storing U+FFFD", async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"Ada'), Buffer.from([0xff, 0xfe]), Buffer.from(`","email":"${uniqueEmail()}","password":"correct horse battery"}`)]);
    const res = await send(post(bytes));
    expect(res).toEqual({ status: 400, body: { error: expect.any(String), code: "INVALID_JSON" } });
  });

  it("readBodyLimited is generic: any limit, the exact bytes back, 413 one byte over", async () => {
    const data = new Uint8Array(300_000).map((_, i) => i % 251);
    const ok = await readBodyLimited(post(data), 300_000);
    expect(Buffer.from(ok).equals(Buffer.from(data))).toBe(true);
    await expect(readBodyLimited(post(data), 299_999)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
  });
});
