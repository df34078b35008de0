import "server-only";
import type { Actor } from "@/lib/http/actor";
import { audit } from "@/lib/audit";
import { config } from "@/lib/config";
import { AppError } from "@/lib/http/app-error";
import { log } from "@/lib/log";
import { ScannerUnavailable, type ScanSession, startScan } from "@/lib/scan/clamd";

/**
 * Virus scanning of uploads (docs/RECORDS.md "Virus scanning"). With CLAMD_URL set, the connection
 * to clamd is opened before the body is read (so a scanner that is down costs the client nothing),
 * the bytes go to clamd as they go to the blob store, and the record is created only after clamd
 * says "OK". Fail closed: no answer is never a pass.
 */

const unavailable = (e: unknown) => {
  log.error({ err: e }, "virus scanner unavailable: upload refused");
  return new AppError("SCAN_UNAVAILABLE");
};

export type UploadScan = {
  tap: (source: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;
  /** Throws FILE_INFECTED (after auditing it) or SCAN_UNAVAILABLE; returns when the file is clean. */
  check: (actor: Actor, patientId: string, file: { filename: string; size: number }) => Promise<void>;
  close: () => void;
};

/** Null when no scanner is configured. */
export async function openUploadScan(): Promise<UploadScan | null> {
  const address = config().CLAMD_URL;
  if (!address) return null;
  let session: ScanSession;
  try {
    session = await startScan(address);
  } catch (e) {
    throw unavailable(e);
  }
  return {
    async *tap(source) {
      try {
        yield* session.tap(source);
      } catch (e) {
        throw e instanceof ScannerUnavailable ? unavailable(e) : e;
      }
    },
    async check(actor, patientId, file) {
      let verdict;
      try {
        verdict = await session.verdict();
      } catch (e) {
        throw unavailable(e);
      }
      if (!verdict.infected) return;
      await audit("record_infected", actor, patientId, { filename: file.filename, size: file.size, signature: verdict.signature });
      throw new AppError("FILE_INFECTED");
    },
    close: () => session.close(),
  };
}
