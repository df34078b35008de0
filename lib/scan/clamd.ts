import "server-only";
import net from "node:net";
import type { ClamdAddress } from "./address";

/**
 * A minimal client of clamd's socket protocol (clamd(8), "INSTREAM" and "PING"): the bytes go to the
 * daemon as they arrive, in frames of a 4-byte big-endian length and that many bytes, ended by a
 * zero-length frame; clamd then answers `stream: OK` or `stream: <signature> FOUND`. Commands use
 * the `z` prefix, so every reply ends with a NUL. Written here rather than taken from npm: docs/DECISIONS.md
 * "The clamd client is our own". Anything that is not a clear answer is ScannerUnavailable: an
 * upload is never accepted because the scanner could not say.
 */

export class ScannerUnavailable extends Error {
  override name = "ScannerUnavailable";
}

export type Verdict = { infected: false } | { infected: true; signature: string };

/** A daemon that does not accept a connection this fast is treated as down (the upload gets 503 at once). */
const CONNECT_MS = 3000;
/** Longest silence allowed from clamd once connected: its own scan of 10 MiB takes well under a second. */
const IDLE_MS = 30_000;
const MAX_REPLY = 4096;

function connect(address: ClamdAddress): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address as net.NetConnectOpts);
    const fail = (message: string) => {
      socket.destroy();
      reject(new ScannerUnavailable(message));
    };
    const timer = setTimeout(() => fail("clamd did not accept the connection in time"), CONNECT_MS);
    socket.once("error", (e) => {
      clearTimeout(timer);
      fail(`clamd unreachable: ${e.message}`);
    });
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      socket.setTimeout(IDLE_MS);
      socket.on("timeout", () => socket.destroy(new ScannerUnavailable("clamd stopped answering")));
      resolve(socket);
    });
  });
}

/** Everything clamd says until it closes the connection (or the first NUL), as text. */
function replyOf(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    socket.on("data", (d: Buffer) => {
      text += d.toString("utf8");
      if (text.includes("\0") || text.length > MAX_REPLY) {
        resolve(text.split("\0")[0]!);
        socket.end();
      }
    });
    socket.on("error", (e) => reject(e instanceof ScannerUnavailable ? e : new ScannerUnavailable(`clamd connection failed: ${e.message}`)));
    socket.on("close", () => resolve(text.split("\0")[0]!)); // a no-op once settled
  });
}

export type ScanSession = {
  /** Passes `source` through unchanged, sending each piece to clamd first; throws ScannerUnavailable when clamd goes away. */
  tap(source: AsyncIterable<Buffer>): AsyncIterable<Buffer>;
  /** clamd's answer, once the source has ended. */
  verdict(): Promise<Verdict>;
  /** Drops the connection (after a refused upload, or when done). */
  close(): void;
};

export async function startScan(address: ClamdAddress): Promise<ScanSession> {
  const socket = await connect(address);
  const reply = replyOf(socket);
  reply.catch(() => {}); // read by verdict(); a failure mid-stream also surfaces in the writes
  let ended = false;

  const send = async (bytes: Buffer) => {
    if (socket.destroyed || socket.writableEnded) throw new ScannerUnavailable("clamd closed the connection during the upload");
    if (socket.write(bytes)) return;
    // Wait for clamd to take the bytes (back-pressure), or for the connection to end.
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        socket.off("drain", onDrain);
        socket.off("close", onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new ScannerUnavailable("clamd closed the connection during the upload"));
      socket.on("drain", onDrain);
      socket.on("close", onClose);
    });
  };
  await send(Buffer.from("zINSTREAM\0"));

  return {
    async *tap(source) {
      for await (const piece of source) {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(piece.byteLength);
        await send(length);
        await send(piece);
        yield piece;
      }
      await send(Buffer.alloc(4)); // the zero-length frame: end of stream
      ended = true;
    },
    async verdict() {
      if (!ended) throw new Error("verdict() before the whole stream was sent");
      const text = (await reply).trim();
      const found = /^stream: (.+) FOUND$/.exec(text);
      if (found) return { infected: true, signature: found[1]! };
      if (text === "stream: OK") return { infected: false };
      // e.g. "INSTREAM size limit exceeded. ERROR", or nothing at all: never a pass.
      throw new ScannerUnavailable(`clamd gave no verdict: ${text.slice(0, 200) || "(no answer)"}`);
    },
    close() {
      socket.destroy();
    },
  };
}

/** PING → PONG: whether clamd answers at all (GET /api/health). */
export async function pingClamd(address: ClamdAddress): Promise<boolean> {
  try {
    const socket = await connect(address);
    socket.setTimeout(CONNECT_MS);
    const reply = replyOf(socket);
    socket.write("zPING\0");
    const ok = (await reply).trim() === "PONG";
    socket.destroy();
    return ok;
  } catch {
    return false;
  }
}
