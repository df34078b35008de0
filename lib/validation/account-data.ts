import { z } from "zod";

/** "Your data" answers (docs/PRIVACY.md), shared by the routes' contracts and the page. */

const Timestamp = z.iso.datetime();

export const ExportSummarySchema = z
  .strictObject({
    records: z.number().int().min(0).meta({ description: "Files the zip will hold." }),
    bytes: z.number().int().min(0).meta({ description: "Their total size in bytes (the zip is slightly larger)." }),
    exportsPerDay: z.number().int().min(1),
    exportsLeft: z.number().int().min(0).meta({ description: "Exports this account may still make in the current 24 hours." }),
    nextExportAt: Timestamp.nullable().meta({ description: "When the next export is allowed, when none is left; otherwise null." }),
  })
  .meta({ id: "ExportSummary" });
export type ExportSummary = z.infer<typeof ExportSummarySchema>;

export const DeletionScheduledSchema = z
  .strictObject({ scheduledFor: Timestamp.meta({ description: "When the retention job deletes the account, unless it is kept before then." }) })
  .meta({ id: "DeletionScheduled" });

/** The word the person types to confirm a deletion; the page checks it, the API needs the recent proof. */
export const DELETE_CONFIRMATION = "DELETE";
