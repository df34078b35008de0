import * as deletionRoute from "@/app/api/account/deletion/route";
import * as exportRoute from "@/app/api/account/export/route";
import * as summaryRoute from "@/app/api/account/export/summary/route";
import { assertDocumented } from "./contracts";
import { call } from "./http";
import { apiRequest, send } from "./records";
import { readZip } from "./zip";

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
  return new Map((await readZip(bytes)).map((e) => [e.name, { data: e.data, stored: e.stored }]));
}
