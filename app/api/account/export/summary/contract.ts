import { defineContract } from "@/lib/openapi/contract";
import { ExportSummarySchema } from "@/lib/validation/account-data";

export const contract = defineContract({
  path: "/api/account/export/summary",
  tag: "Your data",
  GET: {
    summary: "Before an export: its size and the exports left today",
    description:
      "Needs the same recent proof as the export itself, so a page can ask for it (403 `REAUTH_REQUIRED`) before " +
      "starting a download. Counts nothing.",
    auth: "session",
    responses: { 200: ExportSummarySchema },
    errors: ["REAUTH_REQUIRED"],
    example: { response: { records: 12, bytes: 18_874_368, exportsPerDay: 3, exportsLeft: 2, nextExportAt: null } },
  },
});
