import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { streamZip, type ZipFileSource } from "@/lib/account-data/zip";
import { readZip } from "../helpers/zip";

/**
 * The export's zip writer (lib/account-data/zip.ts), read back by another implementation (yauzl):
 * the promised length, every entry's bytes, CRC-32 and modification time, stored entries, names in
 * UTF-8 — and the same with ZIP64 records, which a real export only needs past 4 GiB.
 */
async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

/** A file source that hands its bytes over in pieces, as the blob store does. */
function source(path: string, data: Buffer, mtime: Date, pieces = 3, size = data.length): ZipFileSource {
  return {
    path,
    size,
    mtime,
    open: async () => {
      const step = Math.max(1, Math.ceil(data.length / pieces));
      let at = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= data.length) return controller.close();
          controller.enqueue(new Uint8Array(data.subarray(at, (at += step))));
        },
      });
    },
  };
}

const when = new Date("2026-03-14T09:26:52Z");
const scan = randomBytes(300_000);
const buffers = [
  { path: "README.txt", data: Buffer.from("Your data\n"), mtime: when },
  { path: "records.json", data: Buffer.from('[{"title":"تحليل دم"}]\n'), mtime: when },
];
const files = () => [
  source("records/2026-03-14 Knee scan.pdf", scan, new Date("2025-11-02T17:45:31Z")),
  source("records/تحليل دم.png", randomBytes(4_096), when, 1),
  source("records/empty.txt", Buffer.alloc(0), when, 1),
];

describe("the export's zip", () => {
  it.each([
    ["32-bit records", undefined],
    ["ZIP64 records", 64],
  ] as const)("is as long as it said, and another reader finds every entry intact (%s)", async (_, zip64At) => {
    const sources = files();
    const { size, stream } = await streamZip(buffers, sources, zip64At);
    const bytes = await bytesOf(stream);
    expect(bytes.length).toBe(size);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(zip64At !== undefined);

    const read = await readZip(bytes);
    expect(read.map((r) => r.name)).toEqual([...buffers.map((b) => b.path), ...sources.map((s) => s.path)]);
    const expected: { data: Buffer; mtime: Date }[] = buffers.map((b) => ({ data: b.data, mtime: b.mtime }));
    for (const s of sources) expected.push({ data: await bytesOf(await s.open()), mtime: s.mtime });
    read.forEach((r, i) => {
      expect(r.data.equals(expected[i]!.data), r.name).toBe(true);
      expect(r.crc32, r.name).toBe(crc32(expected[i]!.data));
      expect(r.stored, r.name).toBe(true);
      expect(r.unixTime, r.name).toBe(expected[i]!.mtime.getTime() / 1000);
    });
  });

  it("ends in an error, not a shorter zip that looks whole, when a file is shorter than announced", async () => {
    const short = source("records/short.pdf", randomBytes(1_000), when, 2, 2_000);
    const { stream } = await streamZip(buffers, [short]);
    await expect(bytesOf(stream)).rejects.toThrow("a file's length changed while it was being zipped");
  });

  it("stops reading the current file when the client goes away", async () => {
    let cancelled = false;
    const endless: ZipFileSource = {
      path: "records/large.pdf",
      size: 50_000_000,
      mtime: when,
      open: async () =>
        new ReadableStream<Uint8Array>({
          pull: (controller) => controller.enqueue(new Uint8Array(65_536)),
          cancel: () => {
            cancelled = true;
          },
        }),
    };
    const { stream } = await streamZip([], [endless]);
    const reader = stream.getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
  });
});
