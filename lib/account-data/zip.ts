import "server-only";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";

/**
 * A zip built as it is sent (docs/PRIVACY.md "Export"). Every entry is *stored*, not compressed:
 * the records are PDFs and images that are compressed already, and with stored entries of known
 * sizes yazl knows the archive's exact length before the first byte, so the answer carries
 * Content-Length. A file entry opens its source only when the zip reaches it, and the output is
 * pulled only as fast as the client reads: memory holds about one chunk whatever the export's size.
 */

export type ZipBuffer = { path: string; data: Buffer; mtime: Date };
export type ZipFileSource = { path: string; size: number; mtime: Date; open: () => Promise<ReadableStream<Uint8Array>> };

export async function streamZip(buffers: ZipBuffer[], files: ZipFileSource[]): Promise<{ size: number; stream: ReadableStream<Uint8Array> }> {
  const zip = new ZipFile();
  for (const b of buffers) zip.addBuffer(b.data, b.path, { compress: false, mtime: b.mtime });
  for (const f of files) {
    zip.addReadStreamLazy(f.path, { compress: false, size: f.size, mtime: f.mtime }, (cb) => {
      f.open().then(
        (web) => cb(null, Readable.fromWeb(web as import("node:stream/web").ReadableStream<Uint8Array>)),
        (err: Error) => cb(err, undefined as unknown as Readable),
      );
    });
  }
  // @types/yazl declares the callback without its argument: the total size, or -1 when unknown.
  const size = await new Promise<number>((resolve) => zip.end(undefined, ((n: number) => resolve(n)) as unknown as () => void));
  if (size < 0) throw new Error("zip size unknown: every entry must be stored with its size");

  const output = (zip.outputStream as Readable)[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await output.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value as Buffer));
    },
    async cancel() {
      // The client went away: stop reading the current file and let the rest go unread.
      await output.return?.();
      (zip.outputStream as Readable).destroy();
    },
  });
  return { size, stream };
}
