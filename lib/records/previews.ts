import "server-only";
import { spawn, spawnSync } from "node:child_process";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import sharp from "sharp";
import type { RecordType } from "./detect";

/**
 * Turning a record's bytes into a small JPEG (docs/RECORDS.md "Thumbnails"). Pictures go through
 * sharp (libvips) in this process, with a pixel limit read from the header before anything is
 * decoded; a PDF is rendered by Debian's pdftoppm in a child process — a PDF parser is never run
 * inside the server — with a time limit, an address-space limit and, where the kernel allows it, no
 * network. Any failure (no tool, a broken or oversized file) is "no preview", never an error.
 */

export const THUMBNAIL_MAX_WIDTH = 320;
/** A very tall scan still makes a small preview. */
const THUMBNAIL_MAX_HEIGHT = 640;
/**
 * Largest picture decoded: 50 megapixels covers a 48 MP phone photo; a 20,000 × 20,000 PNG (a
 * "decompression bomb" of a few hundred KB that would need 1.6 GB decoded) is refused from its header.
 */
export const MAX_INPUT_PIXELS = 50_000_000;
const PDF_TIMEOUT_MS = 10_000;
const PDF_MAX_OUTPUT = 8 * 1024 * 1024;
const PDF_ADDRESS_SPACE = 1024 * 1024 * 1024;
const PDFTOPPM = "/usr/bin/pdftoppm";

// Previews are made one at a time in the background: one libvips thread and no operation cache
// keep their memory small and let requests keep the other cores.
sharp.concurrency(1);
sharp.cache(false);

export type Preview = { data: Buffer; width: number; height: number };

/**
 * The preview of a PDF, JPEG or PNG, or null when none can be made. `input` is the stored bytes:
 * a PDF is streamed into pdftoppm as it is read, so its whole file (up to RECORD_MAX_BYTES) is never
 * held in the server (docs/PERFORMANCE.md "Uploads and downloads"); a picture is read whole, as
 * libvips needs it.
 */
export async function makePreview(input: Readable, type: RecordType): Promise<Preview | null> {
  const picture = type === "application/pdf" ? await renderFirstPage(input) : await readAll(input);
  if (!picture) return null;
  try {
    const { data, info } = await sharp(picture, { limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true })
      .rotate() // as the camera held it (EXIF orientation)
      .resize({ width: THUMBNAIL_MAX_WIDTH, height: THUMBNAIL_MAX_HEIGHT, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 78, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    return null; // corrupt, truncated, or over the pixel limit
  }
}

/** `unshare -rn` (a new user and network namespace) when this kernel lets us: pdftoppm then has no network at all. */
const isolation: string[] = (() => {
  try {
    return spawnSync("unshare", ["-rn", "true"], { timeout: 2000 }).status === 0 ? ["unshare", "-rn"] : [];
  } catch {
    return [];
  }
})();

async function readAll(input: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of input) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The first page at 320 px wide as PNG bytes, or null (no pdftoppm, a broken PDF, too slow). */
function renderFirstPage(pdf: Readable): Promise<Buffer | null> {
  const tool = [
    "prlimit",
    `--as=${PDF_ADDRESS_SPACE}`,
    `--cpu=${Math.ceil(PDF_TIMEOUT_MS / 1000)}`,
    "--",
    PDFTOPPM,
    ...["-f", "1", "-l", "1", "-scale-to-x", String(THUMBNAIL_MAX_WIDTH), "-scale-to-y", "-1", "-png", "-singlefile", "-"],
  ];
  const [command, ...args] = [...isolation, ...tool];
  return new Promise((resolve) => {
    // No shell and only a PATH: nothing from the server's configuration (secrets, URLs) reaches the tool.
    const env = { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv;
    const child = spawn(command!, args, { env, stdio: ["pipe", "pipe", "ignore"], timeout: PDF_TIMEOUT_MS, killSignal: "SIGKILL" });
    const out: Buffer[] = [];
    let size = 0;
    child.stdout.on("data", (d: Buffer) => {
      size += d.byteLength;
      if (size > PDF_MAX_OUTPUT) child.kill("SIGKILL");
      else out.push(d);
    });
    child.on("error", () => resolve(null)); // not installed
    child.on("close", (code) => resolve(code === 0 && size > 0 && size <= PDF_MAX_OUTPUT ? Buffer.concat(out) : null));
    // The tool may exit before reading everything: its stdin then errors, and the read stops.
    pipeline(pdf, child.stdin).catch(() => {});
  });
}
