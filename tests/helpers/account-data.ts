import * as deletionRoute from "@/app/api/account/deletion/route";
import * as exportRoute from "@/app/api/account/export/route";
import * as summaryRoute from "@/app/api/account/export/summary/route";
import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { assertDocumented } from "./contracts";
import { call } from "./http";
import { apiRequest, send } from "./records";

/** "Your data" (docs/PRIVACY.md) through the real routes, and reading the zip back with yauzl. */

/** GET /api/account/export as the raw Response, checked against its contract. */
export async function exportResponse(token: string): Promise<Response> {
  const response = await send(exportRoute, "GET", apiRequest("/api/account/export", { token }));
  if (!response.ok) {
    const body = await response.clone().json();
    await assertDocumented(exportRoute.GET, { status: response.status, body, headers: response.headers });
  }
  return response;
}

export const exportSummary = (token: string) => call(summaryRoute, "GET", { token });
export const scheduleDeletion = (token: string) => call(deletionRoute, "POST", { token });
export const cancelDeletion = (token: string) => call(deletionRoute, "DELETE", { token });

/** Every entry of a zip, by name, with its bytes and whether it was stored (method 0). */
export async function unzip(bytes: Buffer): Promise<Map<string, { data: Buffer; stored: boolean }>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, { data: Buffer; stored: boolean }>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on("data", (c: Buffer) => parts.push(c));
        stream.on("error", reject);
        stream.on("end", () => {
          out.set(entry.fileName, { data: Buffer.concat(parts), stored: entry.compressionMethod === 0 });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}
