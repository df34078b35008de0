import "server-only";
import { crc32 } from "node:zlib";

/**
 * A zip built as it is sent (docs/PRIVACY.md "Export"). Every entry is *stored*, not compressed: the
 * records are PDFs and images that are compressed already, and with stored entries of known sizes the
 * archive's exact length is known before the first byte, so the answer carries Content-Length. A file
 * entry opens its source only when the zip reaches it, and the output is pulled only as fast as the
 * client reads: memory holds about one chunk whatever the export's size.
 *
 * Written here rather than with a zip library: the one we used computed CRC-32 in JavaScript, a
 * fifth of a core at 100 MB/s, where Node's `zlib.crc32` is native and ten times faster
 * (docs/DECISIONS.md "The export's zip writer"). The format is PKWARE's APPNOTE 6.3: a local header
 * before each entry's bytes, a data descriptor after a streamed file's (its CRC is known only once
 * it has been read), the central directory, and ZIP64 records wherever a value outgrows 32 bits.
 */

export type ZipBuffer = { path: string; data: Buffer; mtime: Date };
export type ZipFileSource = { path: string; size: number; mtime: Date; open: () => Promise<ReadableStream<Uint8Array>> };

type Entry = { name: Buffer; size: number; mtime: Date; offset: number; crc: number; data?: Buffer; open?: ZipFileSource["open"] };

const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const MADE_BY_UNIX = 3 << 8;
const REGULAR_FILE = 0o100644;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * `zip64At` is the size at which a value no longer fits its 32-bit field (the format's own limit
 * unless a test lowers it to write ZIP64 records for a small archive).
 */
export async function streamZip(buffers: ZipBuffer[], files: ZipFileSource[], zip64At = MAX32): Promise<{ size: number; stream: ReadableStream<Uint8Array> }> {
  const entries: Entry[] = [
    ...buffers.map((b) => ({ name: Buffer.from(b.path), size: b.data.length, mtime: b.mtime, offset: 0, crc: crc32(b.data), data: b.data })),
    ...files.map((f) => ({ name: Buffer.from(f.path), size: f.size, mtime: f.mtime, offset: 0, crc: 0, open: f.open })),
  ];
  const big = (n: number) => n >= zip64At;
  let at = 0;
  for (const e of entries) {
    e.offset = at;
    at += localHeaderLength(e, big) + e.size + (e.data ? 0 : big(e.size) ? 24 : 16);
  }
  const centralOffset = at;
  const centralSize = entries.reduce((n, e) => n + centralHeaderLength(e, big), 0);
  const zip64End = entries.length >= Math.min(MAX16, zip64At) || big(centralOffset) || big(centralSize);
  const size = centralOffset + centralSize + (zip64End ? 56 + 20 : 0) + 22;

  let reading: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let cancelled = false;
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const e of entries) {
      yield localHeader(e, big);
      if (e.data) {
        yield e.data;
        continue;
      }
      reading = (await e.open!()).getReader();
      let sent = 0;
      try {
        for (;;) {
          const { done, value } = await reading.read();
          if (cancelled) return;
          if (done) break;
          sent += value.length;
          if (sent > e.size) break;
          e.crc = crc32(value, e.crc);
          yield value;
        }
      } finally {
        reading.releaseLock();
        reading = null;
      }
      // The zip's length was promised in Content-Length: a file that changed size ends the answer short.
      if (sent !== e.size) throw new Error("a file's length changed while it was being zipped");
      yield dataDescriptor(e, big);
    }
    yield Buffer.concat(entries.map((e) => centralHeader(e, big)));
    if (zip64End) yield zip64EndRecords(entries.length, centralOffset, centralSize);
    yield endRecord(entries.length, centralOffset, centralSize, big);
  }

  const output = parts();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await output.next();
      if (cancelled) return;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      // The client went away: stop reading the current file and let the rest go unread.
      cancelled = true;
      await reading?.cancel().catch(() => undefined);
    },
  });
  return { size, stream };
}

const extendedTimeLength = 9; // the Unix modification time (header 0x5455), beside the DOS one

function localHeaderLength(e: Entry, big: (n: number) => boolean): number {
  return 30 + e.name.length + extendedTimeLength + (big(e.size) ? 20 : 0);
}

/** A streamed file's CRC and sizes follow its bytes (flag bit 3); its header carries zeros. */
function localHeader(e: Entry, big: (n: number) => boolean): Buffer {
  const large = big(e.size);
  const streamed = !e.data;
  const b = Buffer.alloc(localHeaderLength(e, big));
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(large ? 45 : 20, 4);
  b.writeUInt16LE(UTF8_NAMES | (streamed ? DATA_DESCRIPTOR : 0), 6);
  b.writeUInt16LE(0, 8); // stored
  writeDosTime(b, 10, e.mtime);
  b.writeUInt32LE(streamed ? 0 : e.crc, 14);
  const size32 = large ? MAX32 : streamed ? 0 : e.size;
  b.writeUInt32LE(size32, 18);
  b.writeUInt32LE(size32, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(b.length - 30 - e.name.length, 28);
  let at = 30 + e.name.copy(b, 30);
  at = writeExtendedTime(b, at, e.mtime);
  if (large) {
    at = b.writeUInt16LE(0x0001, at);
    at = b.writeUInt16LE(16, at);
    const known = streamed ? 0 : e.size;
    at = b.writeBigUInt64LE(BigInt(known), at);
    b.writeBigUInt64LE(BigInt(known), at);
  }
  return b;
}

function dataDescriptor(e: Entry, big: (n: number) => boolean): Buffer {
  const large = big(e.size);
  const b = Buffer.alloc(large ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc, 4);
  if (large) {
    b.writeBigUInt64LE(BigInt(e.size), 8);
    b.writeBigUInt64LE(BigInt(e.size), 16);
  } else {
    b.writeUInt32LE(e.size, 8);
    b.writeUInt32LE(e.size, 12);
  }
  return b;
}

/** The ZIP64 extra field of a central header: the sizes and the offset that outgrew 32 bits, in that order. */
function zip64Fields(e: Entry, big: (n: number) => boolean): number[] {
  return [...(big(e.size) ? [e.size, e.size] : []), ...(big(e.offset) ? [e.offset] : [])];
}

function centralHeaderLength(e: Entry, big: (n: number) => boolean): number {
  const fields = zip64Fields(e, big).length;
  return 46 + e.name.length + extendedTimeLength + (fields ? 4 + 8 * fields : 0);
}

function centralHeader(e: Entry, big: (n: number) => boolean): Buffer {
  const fields = zip64Fields(e, big);
  const b = Buffer.alloc(centralHeaderLength(e, big));
  const version = fields.length ? 45 : 20;
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(MADE_BY_UNIX | version, 4);
  b.writeUInt16LE(version, 6);
  b.writeUInt16LE(UTF8_NAMES | (e.data ? 0 : DATA_DESCRIPTOR), 8);
  b.writeUInt16LE(0, 10); // stored
  writeDosTime(b, 12, e.mtime);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(big(e.size) ? MAX32 : e.size, 20);
  b.writeUInt32LE(big(e.size) ? MAX32 : e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt16LE(b.length - 46 - e.name.length, 30);
  // comment length, disk number, internal attributes: 0
  b.writeUInt32LE((REGULAR_FILE << 16) >>> 0, 38);
  b.writeUInt32LE(big(e.offset) ? MAX32 : e.offset, 42);
  let at = 46 + e.name.copy(b, 46);
  at = writeExtendedTime(b, at, e.mtime);
  if (fields.length) {
    at = b.writeUInt16LE(0x0001, at);
    at = b.writeUInt16LE(8 * fields.length, at);
    for (const v of fields) at = b.writeBigUInt64LE(BigInt(v), at);
  }
  return b;
}

function zip64EndRecords(count: number, centralOffset: number, centralSize: number): Buffer {
  const b = Buffer.alloc(56 + 20);
  b.writeUInt32LE(0x06064b50, 0);
  b.writeBigUInt64LE(44n, 4); // the record's size after this field
  b.writeUInt16LE(MADE_BY_UNIX | 45, 12);
  b.writeUInt16LE(45, 14);
  // this disk, the disk where the directory starts: 0
  b.writeBigUInt64LE(BigInt(count), 24);
  b.writeBigUInt64LE(BigInt(count), 32);
  b.writeBigUInt64LE(BigInt(centralSize), 40);
  b.writeBigUInt64LE(BigInt(centralOffset), 48);
  // The locator: where the record above starts, on disk 0 of 1.
  b.writeUInt32LE(0x07064b50, 56);
  b.writeBigUInt64LE(BigInt(centralOffset + centralSize), 64);
  b.writeUInt32LE(1, 72);
  return b;
}

function endRecord(count: number, centralOffset: number, centralSize: number, big: (n: number) => boolean): Buffer {
  const b = Buffer.alloc(22);
  const entries = count >= MAX16 || big(count) ? MAX16 : count;
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(big(centralSize) ? MAX32 : centralSize, 12);
  b.writeUInt32LE(big(centralOffset) ? MAX32 : centralOffset, 16);
  return b;
}

/** MS-DOS time and date (2-second steps, from 1980), in UTC like the extended time beside it. */
function writeDosTime(b: Buffer, at: number, d: Date): void {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  b.writeUInt16LE((d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1), at);
  b.writeUInt16LE(((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(), at + 2);
}

/** The "extended timestamp" extra field (0x5455) with the modification time in Unix seconds. */
function writeExtendedTime(b: Buffer, at: number, d: Date): number {
  at = b.writeUInt16LE(0x5455, at);
  at = b.writeUInt16LE(5, at);
  at = b.writeUInt8(1, at); // flags: modification time present
  return b.writeUInt32LE(Math.max(0, Math.floor(d.getTime() / 1000)) >>> 0, at);
}
